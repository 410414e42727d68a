//! SVG charts of the results, drawn with plotters' SVG backend.
//!
//! How it works: two kinds of chart cover the suites. `bars` draws grouped bars, one
//! group per category (a program, a heap size) and one bar per series (a peer, a
//! locking mode, a pause statistic), with an optional dashed reference line (1.0 for
//! ratios). Categories sit at x = 0, 100, 200, ... on an integer axis that runs from
//! -50 to 100 * n - 50, so plotters' "nice" tick positions land on the group centres
//! and the tick formatter names them. `lines` draws one curve per series (speed-up
//! against thread count). Text is written as SVG `<text>` elements by plotters (its
//! font support is off: no font files are read), so the charts build and render on a
//! machine without fonts; the viewer picks the sans-serif face.
//!
//! What must hold: a missing value (a failed run) draws no bar or point, never a zero;
//! a chart with no values at all still gets written, saying so, so that every suite
//! leaves its file.

use std::path::Path;

use plotters::prelude::*;

/// A named list of values, one per category (bars) or per x (lines).
pub struct Series {
    pub name: String,
    pub values: Vec<Option<f64>>,
}

const PALETTE: [RGBColor; 8] = [
    RGBColor(31, 119, 180),
    RGBColor(255, 127, 14),
    RGBColor(44, 160, 44),
    RGBColor(214, 39, 40),
    RGBColor(148, 103, 189),
    RGBColor(140, 86, 75),
    RGBColor(227, 119, 194),
    RGBColor(127, 127, 127),
];

fn colour(i: usize) -> RGBColor {
    PALETTE[i % PALETTE.len()]
}

fn err<E: std::fmt::Debug>(path: &Path) -> impl Fn(E) -> String + '_ {
    move |e| format!("cannot draw {}: {e:?}", path.display())
}

/// The top of the y axis: a little above the largest value (and the reference line).
fn y_top(values: impl Iterator<Item = f64>, reference: Option<f64>) -> f64 {
    let max = values
        .chain(reference)
        .filter(|v| v.is_finite())
        .fold(0.0, f64::max);
    if max > 0.0 {
        max * 1.3
    } else {
        1.0
    }
}

/// A chart that only says there is nothing to draw.
fn empty(path: &Path, title: &str, why: &str) -> Result<(), String> {
    let root = SVGBackend::new(path, (800, 300)).into_drawing_area();
    root.fill(&WHITE).map_err(err(path))?;
    let style = ("sans-serif", 20).into_font();
    root.draw(&Text::new(title.to_string(), (20, 30), style.clone()))
        .map_err(err(path))?;
    root.draw(&Text::new(why.to_string(), (20, 80), style))
        .map_err(err(path))?;
    root.present().map_err(err(path))
}

/// Every value of every series (missing points skipped).
fn all_values(series: &[Series]) -> impl Iterator<Item = f64> + '_ {
    series
        .iter()
        .flat_map(|s| s.values.iter().flatten().copied())
}

/// The chart drawn when no run produced a value.
fn nothing_to_draw(path: &Path, title: &str) -> Result<(), String> {
    empty(
        path,
        title,
        "no results to draw (every run failed or none ran)",
    )
}

/// Grouped bars: `series[j].values[i]` is the bar of series j in category i.
pub fn bars(
    path: &Path,
    title: &str,
    y_label: &str,
    categories: &[String],
    series: &[Series],
    reference: Option<f64>,
) -> Result<(), String> {
    let all = || all_values(series);
    if categories.is_empty() || all().next().is_none() {
        return nothing_to_draw(path, title);
    }
    let n = categories.len() as i32;
    let width = (160 + 90 * categories.len()).max(800) as u32;
    let root = SVGBackend::new(path, (width, 480)).into_drawing_area();
    root.fill(&WHITE).map_err(err(path))?;
    let top = y_top(all(), reference);
    let mut chart = ChartBuilder::on(&root)
        .caption(title, ("sans-serif", 22))
        .margin(12)
        .x_label_area_size(60)
        .y_label_area_size(60)
        .build_cartesian_2d(-50..100 * n - 50, 0.0..top)
        .map_err(err(path))?;
    chart
        .configure_mesh()
        .disable_x_mesh()
        .x_labels(categories.len())
        .x_label_formatter(&|x| {
            let i = usize::try_from(x / 100).unwrap_or(usize::MAX);
            match categories.get(i) {
                Some(name) if x % 100 == 0 => name.clone(),
                _ => String::new(),
            }
        })
        .y_desc(y_label)
        .draw()
        .map_err(err(path))?;

    let k = series.len().max(1) as i32;
    let slot = 80 / k;
    for (j, s) in series.iter().enumerate() {
        let c = colour(j);
        let j = j as i32;
        let rects = s.values.iter().enumerate().filter_map(|(i, v)| {
            let v = (*v)?;
            let x0 = 100 * i as i32 - 40 + j * slot;
            Some(Rectangle::new([(x0, 0.0), (x0 + slot - 2, v)], c.filled()))
        });
        chart
            .draw_series(rects)
            .map_err(err(path))?
            .label(s.name.clone())
            .legend(move |(x, y)| Rectangle::new([(x, y - 5), (x + 10, y + 5)], c.filled()));
    }
    if let Some(r) = reference {
        let line = DashedLineSeries::new(vec![(-50, r), (100 * n - 50, r)], 6, 4, BLACK.into());
        chart.draw_series(line).map_err(err(path))?;
    }
    chart
        .configure_series_labels()
        .background_style(WHITE.mix(0.8))
        .border_style(BLACK)
        .position(SeriesLabelPosition::UpperRight)
        .draw()
        .map_err(err(path))?;
    root.present().map_err(err(path))
}

/// Curves: `series[j].values[i]` is the y of series j at `xs[i]`.
pub fn lines(
    path: &Path,
    title: &str,
    x_label: &str,
    y_label: &str,
    xs: &[f64],
    series: &[Series],
    reference: Option<f64>,
) -> Result<(), String> {
    let all = || all_values(series);
    if xs.is_empty() || all().next().is_none() {
        return nothing_to_draw(path, title);
    }
    let root = SVGBackend::new(path, (800, 520)).into_drawing_area();
    root.fill(&WHITE).map_err(err(path))?;
    let x_min = xs.iter().copied().fold(f64::INFINITY, f64::min);
    let x_max = xs.iter().copied().fold(f64::NEG_INFINITY, f64::max);
    let top = y_top(all(), reference);
    let mut chart = ChartBuilder::on(&root)
        .caption(title, ("sans-serif", 22))
        .margin(12)
        .x_label_area_size(45)
        .y_label_area_size(60)
        .build_cartesian_2d((x_min - 0.2)..(x_max + 0.2), 0.0..top)
        .map_err(err(path))?;
    chart
        .configure_mesh()
        .x_desc(x_label)
        .y_desc(y_label)
        .x_labels(xs.len() * 2 + 1)
        // Only whole thread counts get a label; ticks between them stay blank.
        .x_label_formatter(&|x| {
            if (x - x.round()).abs() < 1e-9 {
                format!("{x:.0}")
            } else {
                String::new()
            }
        })
        .draw()
        .map_err(err(path))?;
    for (j, s) in series.iter().enumerate() {
        let c = colour(j);
        let points: Vec<(f64, f64)> = xs
            .iter()
            .zip(&s.values)
            .filter_map(|(x, v)| Some((*x, (*v)?)))
            .collect();
        chart
            .draw_series(LineSeries::new(points.clone(), c.stroke_width(2)))
            .map_err(err(path))?
            .label(s.name.clone())
            .legend(move |(x, y)| PathElement::new(vec![(x, y), (x + 16, y)], c.stroke_width(2)));
        chart
            .draw_series(points.iter().map(|p| Circle::new(*p, 3, c.filled())))
            .map_err(err(path))?;
    }
    if let Some(r) = reference {
        let line =
            DashedLineSeries::new(vec![(x_min - 0.2, r), (x_max + 0.2, r)], 6, 4, BLACK.into());
        chart.draw_series(line).map_err(err(path))?;
    }
    chart
        .configure_series_labels()
        .background_style(WHITE.mix(0.8))
        .border_style(BLACK)
        .position(SeriesLabelPosition::UpperLeft)
        .draw()
        .map_err(err(path))?;
    root.present().map_err(err(path))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scratch(name: &str) -> std::path::PathBuf {
        let dir = std::env::temp_dir().join(format!("hotpy-bench-plot-{}", std::process::id()));
        let _ = std::fs::create_dir_all(&dir);
        dir.join(name)
    }

    #[test]
    fn bars_write_svg_with_text_labels_and_skip_missing_values() {
        let path = scratch("bars.svg");
        let cats = vec!["nbody".to_string(), "go".to_string(), "chaos".to_string()];
        let series = [Series {
            name: "python3".to_string(),
            values: vec![Some(0.8), None, Some(1.3)],
        }];
        let drawn = bars(&path, "speed-up", "ratio", &cats, &series, Some(1.0));
        assert_eq!(drawn, Ok(()));
        let svg = std::fs::read_to_string(&path).unwrap_or_default();
        assert!(svg.starts_with("<svg"), "{svg}");
        for name in ["nbody", "go", "chaos", "python3", "speed-up"] {
            assert!(
                svg.contains(&format!(">\n{name}\n</text>")),
                "no label {name}"
            );
        }
        let _ = std::fs::remove_file(&path);
    }

    #[test]
    fn an_empty_chart_says_so() {
        let path = scratch("empty.svg");
        let series = [Series {
            name: "hotpy".to_string(),
            values: vec![None, None],
        }];
        let xs = [1.0, 2.0];
        assert_eq!(
            lines(&path, "scaling", "threads", "speed-up", &xs, &series, None),
            Ok(())
        );
        let svg = std::fs::read_to_string(&path).unwrap_or_default();
        assert!(svg.contains("no results to draw"), "{svg}");
        let drawn = lines(
            &path,
            "scaling",
            "threads",
            "speed-up",
            &xs,
            &[Series {
                name: "python3".to_string(),
                values: vec![Some(1.0), Some(0.9)],
            }],
            Some(1.0),
        );
        assert_eq!(drawn, Ok(()));
        let _ = std::fs::remove_file(&path);
    }
}
