package salience

// This file holds the logistic regression both models are, and its
// training: Newton's method on the L2-penalized cross-entropy of soft
// targets (a share of summaries, not a yes or no), which is convex, so
// that the same data always gives the same weights.

import (
	"errors"
	"fmt"
	"math"
)

// linear is a logistic regression over a fixed list of features.
type linear struct {
	names []string
	w     []float64
}

// prob returns the model's probability for the features x.
func (l *linear) prob(x []float64) float64 {
	s := 0.0
	for i, v := range x {
		s += l.w[i] * v
	}
	return sigmoid(s)
}

func sigmoid(s float64) float64 {
	if s >= 0 {
		return 1 / (1 + math.Exp(-s))
	}
	e := math.Exp(s)
	return e / (1 + e)
}

// dataset is a design matrix with soft targets and example weights.
type dataset struct {
	x      [][]float64
	y, wgt []float64
}

func (d *dataset) add(x []float64, y, w float64) {
	d.x = append(d.x, append([]float64(nil), x...))
	d.y = append(d.y, y)
	d.wgt = append(d.wgt, w)
}

// errNoData reports a training set without examples.
var errNoData = errors.New("salience: no training examples")

// fit returns the weights minimizing the weighted mean cross-entropy of
// d plus l2/2 times the squared weights (the first, the bias, free).
func fit(names []string, d *dataset, l2 float64) (*linear, error) {
	n := len(names)
	if len(d.x) == 0 {
		return nil, errNoData
	}
	total := 0.0
	for _, w := range d.wgt {
		total += w
	}
	if total <= 0 {
		return nil, errNoData
	}
	w := make([]float64, n)
	g := make([]float64, n)
	h := make([][]float64, n)
	for i := range h {
		h[i] = make([]float64, n)
	}
	for iter := 0; iter < 100; iter++ {
		clear(g)
		for i := range h {
			clear(h[i])
		}
		for k, x := range d.x {
			s := 0.0
			for i, v := range x {
				s += w[i] * v
			}
			p := sigmoid(s)
			c := d.wgt[k] / total
			r := c * (p - d.y[k])
			q := c * p * (1 - p)
			for i, vi := range x {
				if vi == 0 {
					continue
				}
				g[i] += r * vi
				hi := h[i]
				for j, vj := range x[:i+1] {
					hi[j] += q * vi * vj
				}
			}
		}
		for i := range n {
			for j := 0; j < i; j++ {
				h[j][i] = h[i][j]
			}
			reg := l2
			if i == 0 {
				reg = 1e-9 // the bias: unpenalized, kept invertible
			}
			g[i] += reg * w[i]
			h[i][i] += reg
		}
		step, err := solve(h, g)
		if err != nil {
			return nil, fmt.Errorf("salience: fit: %w", err)
		}
		delta := 0.0
		for i := range w {
			w[i] -= step[i]
			delta = max(delta, math.Abs(step[i]))
		}
		if delta < 1e-9 {
			break
		}
	}
	return &linear{names: names, w: w}, nil
}

// solve returns x with a x = b for a symmetric positive definite a
// (Cholesky decomposition); a and b are left unchanged.
func solve(a [][]float64, b []float64) ([]float64, error) {
	n := len(b)
	l := make([][]float64, n)
	for i := range l {
		l[i] = make([]float64, n)
		for j := 0; j <= i; j++ {
			s := a[i][j]
			for k := 0; k < j; k++ {
				s -= l[i][k] * l[j][k]
			}
			if i == j {
				if s <= 0 {
					return nil, errors.New("matrix not positive definite")
				}
				l[i][i] = math.Sqrt(s)
			} else {
				l[i][j] = s / l[j][j]
			}
		}
	}
	y := make([]float64, n)
	for i := range n {
		s := b[i]
		for k := 0; k < i; k++ {
			s -= l[i][k] * y[k]
		}
		y[i] = s / l[i][i]
	}
	x := make([]float64, n)
	for i := n - 1; i >= 0; i-- {
		s := y[i]
		for k := i + 1; k < n; k++ {
			s -= l[k][i] * x[k]
		}
		x[i] = s / l[i][i]
	}
	return x, nil
}
