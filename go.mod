module factdeck

go 1.26
