package web

// This file holds flash messages: a sentence saying what a form did
// ("Saved.", "Question deleted."), kept in a short-lived cookie across the
// redirect after a POST and shown once on the next page.

import (
	"net/url"
	"time"

	"github.com/gofiber/fiber/v2"
)

const flashCookie = "factdeck_flash"

// flash keeps msg for the next page the browser shows.
func (s *Server) flash(c *fiber.Ctx, msg string) {
	if msg == "" {
		return
	}
	c.Cookie(&fiber.Cookie{Name: flashCookie, Value: url.QueryEscape(truncate(msg, 300)), Path: "/",
		MaxAge: 60, HTTPOnly: true, Secure: s.secure, SameSite: "Lax"})
}

// takeFlash returns the flash message kept for this page and clears it.
func (s *Server) takeFlash(c *fiber.Ctx) string {
	v := c.Cookies(flashCookie)
	if v == "" {
		return ""
	}
	c.Cookie(&fiber.Cookie{Name: flashCookie, Value: "", Path: "/", Expires: time.Unix(0, 0), MaxAge: -1,
		HTTPOnly: true, Secure: s.secure, SameSite: "Lax"})
	msg, err := url.QueryUnescape(v)
	if err != nil {
		return ""
	}
	return truncate(msg, 300)
}
