package web

// This file holds the statistics page: reviews per day, true retention,
// FSRS retrievability of the cards studied and the due forecast, drawn as
// SVG on the server.

import (
	"fmt"
	"math"

	"factdeck/quiz"
	"factdeck/quiz/schedule"

	"github.com/gofiber/fiber/v2"
)

// statsDays is the span of the history and of the forecast, in days.
const statsDays = 30

// Chart geometry, in SVG units: the plot spans x0..x1 and y0..y1.
const (
	chartW, chartH = 600, 230
	plotX0, plotX1 = 44.0, 590.0
	plotY0, plotY1 = 12.0, 196.0
)

// svgBar is one bar (or one stacked part of a bar) of a chart.
type svgBar struct {
	X, Y, W, H float64
	Class      string
	Title      string
}

// axisMark is a labelled position on an axis.
type axisMark struct {
	Pos   float64
	Label string
}

// barChart is a bar chart ready for the "bars" template.
type barChart struct {
	ID, Title, Caption string
	// EmptyText says why there is nothing to draw.
	EmptyText     string
	Width, Height int
	Bars          []svgBar
	Grid          []axisMark
	XLabels       []axisMark
	Empty         bool
}

// series is one stacked part of the bars: a value per slot with its class.
type series struct {
	Class, Name string
	Values      []float64
}

// newBarChart draws slots of stacked series with labels under some slots;
// yMax 0 scales to the data, unit is appended to the grid labels.
func newBarChart(id, title string, labels []string, yMax float64, unit string, ss ...series) barChart {
	ch := barChart{ID: id, Title: title, Width: chartW, Height: chartH}
	n := len(labels)
	if n == 0 {
		ch.Empty = true
		return ch
	}
	totals := make([]float64, n)
	for _, s := range ss {
		for i, v := range s.Values {
			totals[i] += v
		}
	}
	if yMax == 0 {
		for _, t := range totals {
			yMax = math.Max(yMax, t)
		}
		ch.Empty = yMax == 0
		yMax = niceCeil(yMax)
	}
	slot := (plotX1 - plotX0) / float64(n)
	scale := (plotY1 - plotY0) / yMax
	for i := range labels {
		base := plotY1
		for _, s := range ss {
			v := s.Values[i]
			if v <= 0 {
				continue
			}
			h := v * scale
			ch.Bars = append(ch.Bars, svgBar{X: round1(plotX0 + float64(i)*slot + slot*0.12), Y: round1(base - h),
				W: round1(slot * 0.76), H: round1(h), Class: s.Class, Title: fmt.Sprintf("%s: %s %s", labels[i], trimFloat(v), s.Name)})
			base -= h
		}
	}
	for k := 0; k <= 4; k++ {
		v := yMax * float64(k) / 4
		ch.Grid = append(ch.Grid, axisMark{Pos: round1(plotY1 - v*scale), Label: trimFloat(v) + unit})
	}
	step := max(1, (n+4)/5)
	for i := 0; i < n; i += step {
		ch.XLabels = append(ch.XLabels, axisMark{Pos: round1(plotX0 + (float64(i)+0.5)*slot), Label: labels[i]})
	}
	return ch
}

// niceCeil returns the top of an axis for values up to v: four grid steps
// of 1, 2, 2.5 or 5 times a power of ten, so that the grid falls on round
// numbers (5 -> 8, 30 -> 40, 130 -> 200).
func niceCeil(v float64) float64 {
	if v <= 4 {
		return 4
	}
	step := v / 4
	p := math.Pow(10, math.Floor(math.Log10(step)))
	for _, m := range []float64{1, 2, 2.5, 5, 10} {
		if m == 2.5 && p < 10 {
			continue // 2.5 would label the grid with fractions
		}
		if m*p >= step {
			return 4 * m * p
		}
	}
	return 40 * p
}

func round1(v float64) float64 { return math.Round(v*10) / 10 }

func trimFloat(v float64) string {
	if v == math.Trunc(v) {
		return fmt.Sprintf("%d", int(v))
	}
	return fmt.Sprintf("%.1f", v)
}

type statsPage struct {
	base
	Reviews, Retention, Retrievability, Forecast barChart
	// Totals over the history.
	ReviewCount, Passed, Judged int
	RetentionPct                int
	AvgRecall                   int
	Studied, DueTomorrow        int
}

func (s *Server) showStats(c *fiber.Ctx) error {
	ctx := c.UserContext()
	lid, err := s.learnerID(c)
	if err != nil {
		return err
	}
	now := s.now().UTC()
	today := startOfDay(now)
	from := today.AddDate(0, 0, -(statsDays - 1))
	var revs []quiz.Review
	var cards []quiz.Card
	if lid != 0 {
		if revs, err = s.store.Reviews(ctx, lid, from); err != nil {
			return err
		}
		if cards, err = s.store.Cards(ctx, lid, nil); err != nil {
			return err
		}
	}
	p := statsPage{base: s.base(c, "Statistics", "decks")}
	// History: reviews per day and true retention (passed reviews of cards
	// in review, as Anki counts it: learning steps left out).
	days := make([]string, statsDays)
	pass, again := make([]float64, statsDays), make([]float64, statsDays)
	rPass, rAll := make([]float64, statsDays), make([]float64, statsDays)
	for i := range days {
		days[i] = from.AddDate(0, 0, i).Format("2 Jan")
	}
	for _, r := range revs {
		i := int(startOfDay(r.ReviewedAt.UTC()).Sub(from).Hours() / 24)
		if i < 0 || i >= statsDays {
			continue
		}
		p.ReviewCount++
		if r.Rating == quiz.Again {
			again[i]++
		} else {
			pass[i]++
		}
		if r.State == quiz.CardReview {
			rAll[i]++
			p.Judged++
			if r.Rating != quiz.Again {
				rPass[i]++
				p.Passed++
			}
		}
	}
	p.Reviews = newBarChart("chart-reviews", "Reviews per day", days, 0, "",
		series{Class: "bar-pass", Name: "remembered", Values: pass}, series{Class: "bar-again", Name: "again", Values: again})
	ret := make([]float64, statsDays)
	for i := range ret {
		if rAll[i] > 0 {
			ret[i] = math.Round(100 * rPass[i] / rAll[i])
		}
	}
	p.Retention = newBarChart("chart-retention", "True retention per day", days, 100, "%",
		series{Class: "bar-pass", Name: "% passed", Values: ret})
	p.Retention.Empty = p.Judged == 0
	p.Retention.EmptyText = "No reviews of learned cards yet: retention counts the cards past their first steps, as Anki does."
	if p.Judged > 0 {
		p.RetentionPct = (100*p.Passed + p.Judged/2) / p.Judged
	}
	// Retrievability now, and the forecast.
	buckets := make([]float64, 10)
	bucketLabels := make([]string, 10)
	for i := range bucketLabels {
		bucketLabels[i] = fmt.Sprintf("%d–%d%%", i*10, i*10+10)
	}
	forecast := make([]float64, statsDays)
	fdays := make([]string, statsDays)
	for i := range fdays {
		fdays[i] = today.AddDate(0, 0, i).Format("2 Jan")
	}
	var sumR float64
	for _, cd := range cards {
		if cd.State == quiz.CardNew {
			continue
		}
		p.Studied++
		r := schedule.Retrievability(cd, now)
		sumR += r
		buckets[min(int(r*10), 9)]++
		if cd.Suspended {
			continue
		}
		i := max(int(startOfDay(cd.Due.UTC()).Sub(today).Hours()/24), 0) // overdue: today
		if i < statsDays {
			forecast[i]++
		}
		if i <= 1 {
			p.DueTomorrow++
		}
	}
	if p.Studied > 0 {
		p.AvgRecall = int(math.Round(100 * sumR / float64(p.Studied)))
	}
	p.Retrievability = newBarChart("chart-retrievability", "Retrievability of your cards now", bucketLabels, 0, "",
		series{Class: "bar-recall", Name: "cards", Values: buckets})
	p.Forecast = newBarChart("chart-forecast", "Cards due in the next 30 days", fdays, 0, "",
		series{Class: "bar-due", Name: "due", Values: forecast})
	return s.render(c, fiber.StatusOK, "stats", p)
}
