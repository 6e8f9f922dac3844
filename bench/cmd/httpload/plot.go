package main

import (
	"fmt"
	"os"
	"time"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/plotutil"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
	"gonum.org/v1/plot/vg/vgimg"
)

// drawPlot writes a PNG of latency against clients: one panel per path,
// one colour per implementation, p50 solid and p99 dashed, both axes
// logarithmic.
func drawPlot(rows []row, clients []int, file string) error {
	panels := make([]*plot.Plot, len(paths))
	for i, p := range paths {
		pl, err := panel(rows, clients, p, i == 0)
		if err != nil {
			return err
		}
		panels[i] = pl
	}
	const w, h = 10 * vg.Inch, 4 * vg.Inch
	img := vgimg.NewWith(vgimg.UseWH(w, h), vgimg.UseDPI(96))
	dc := draw.New(img)
	tiles := draw.Tiles{Rows: 1, Cols: len(panels), PadX: vg.Millimeter * 6, PadTop: vg.Millimeter * 2,
		PadBottom: vg.Millimeter * 2, PadLeft: vg.Millimeter * 2, PadRight: vg.Millimeter * 4}
	canvases := plot.Align([][]*plot.Plot{panels}, tiles, dc)
	for i, pl := range panels {
		pl.Draw(canvases[0][i])
	}
	f, err := os.Create(file)
	if err != nil {
		return err
	}
	if _, err := (vgimg.PngCanvas{Canvas: img}).WriteTo(f); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// panel is the plot of one path; legend adds the implementations' legend.
func panel(rows []row, clients []int, p pathCase, legend bool) (*plot.Plot, error) {
	pl := plot.New()
	pl.Title.Text = fmt.Sprintf("GET %s, %s path: p50 (solid), p99 (dashed)", route, p.name)
	pl.X.Label.Text = "concurrent clients (keep-alive)"
	pl.Y.Label.Text = "latency (µs)"
	pl.X.Scale, pl.Y.Scale = plot.LogScale{}, plot.LogScale{}
	pl.Y.Tick.Marker = plot.LogTicks{Prec: -1}
	ticks := make(plot.ConstantTicks, len(clients))
	for i, n := range clients {
		ticks[i] = plot.Tick{Value: float64(n), Label: fmt.Sprint(n)}
	}
	pl.X.Tick.Marker = ticks
	pl.X.Padding, pl.Y.Padding = vg.Millimeter*3, vg.Millimeter*2
	pl.Legend.Top, pl.Legend.Left = true, true
	pl.Add(plotter.NewGrid())
	for i, im := range impls {
		var p50, p99 plotter.XYs
		for _, r := range rows {
			if r.impl.key == im.key && r.path == p.name {
				p50 = append(p50, plotter.XY{X: float64(r.clients), Y: micros(r.p50)})
				p99 = append(p99, plotter.XY{X: float64(r.clients), Y: micros(r.p99)})
			}
		}
		if len(p50) == 0 {
			continue
		}
		for j, xys := range []plotter.XYs{p50, p99} {
			line, points, err := plotter.NewLinePoints(xys)
			if err != nil {
				return nil, err
			}
			line.Color = plotutil.Color(i)
			line.Width = vg.Points(1.5)
			points.Color = plotutil.Color(i)
			points.Shape = plotutil.Shape(i)
			if j == 1 {
				line.Dashes = []vg.Length{vg.Points(5), vg.Points(3)}
			}
			pl.Add(line, points)
			if legend && j == 0 {
				pl.Legend.Add(im.label, line, points)
			}
		}
	}
	return pl, nil
}

// micros is d in microseconds.
func micros(d time.Duration) float64 { return float64(d) / float64(time.Microsecond) }
