package web

import (
	"fmt"
	"net/url"
	"testing"

	"github.com/valyala/fasthttp"
)

// BenchmarkQuestionPage serves a quiz question page without the network:
// the handler, caches and template rendering.
func BenchmarkQuestionPage(b *testing.B) {
	f := newFixture(b)
	c := f.client(b)
	id := startQuizTB(b, c, url.Values{"deck": {"all"}, "count": {"5"}})
	h := f.srv.app.Handler()
	cookie := learnerCookie + "=" + c.cookies[learnerCookie] + "; " + csrfCookie + "=" + c.csrf()
	path := fmt.Sprintf("/quiz/%d/q/1", id)
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		var ctx fasthttp.RequestCtx
		ctx.Request.SetRequestURI(path)
		ctx.Request.Header.Set("Cookie", cookie)
		h(&ctx)
		if ctx.Response.StatusCode() != 200 {
			b.Fatalf("GET %s = %d", path, ctx.Response.StatusCode())
		}
	}
}

// BenchmarkHello is the floor: a fiber route that writes a constant.
func BenchmarkHello(b *testing.B) {
	f := newFixture(b)
	h := f.srv.app.Handler()
	b.ReportAllocs()
	for b.Loop() {
		var ctx fasthttp.RequestCtx
		ctx.Request.SetRequestURI("/healthz")
		h(&ctx)
	}
}

// BenchmarkPages serves each page of a learner with a quiz in progress,
// without the network: handler, queries and template.
func BenchmarkPages(b *testing.B) {
	f := newFixture(b)
	c := f.client(b)
	id := startQuizTB(b, c, url.Values{"deck": {"all"}, "count": {"5"}})
	h := f.srv.app.Handler()
	cookie := learnerCookie + "=" + c.cookies[learnerCookie] + "; " + csrfCookie + "=" + c.csrf()
	for _, path := range []string{"/", "/decks", "/quiz", fmt.Sprintf("/articles/%d", f.articles[0].ID), "/study/all",
		fmt.Sprintf("/quiz/%d/q/1", id), "/api/v1/decks"} {
		b.Run(path, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				var ctx fasthttp.RequestCtx
				ctx.Request.SetRequestURI(path)
				ctx.Request.Header.Set("Cookie", cookie)
				h(&ctx)
				if ctx.Response.StatusCode() != 200 {
					b.Fatalf("GET %s = %d", path, ctx.Response.StatusCode())
				}
			}
		})
	}
}
