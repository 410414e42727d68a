//! A small JSON value and its pretty printer, for the runner's results file.
//!
//! How it works: suites build a `Json` tree (objects keep their keys in insertion
//! order, so the file reads in the order the report does) and `render` prints it with
//! two-space indentation. Only writing is needed, so there is no parser and no
//! dependency.
//!
//! What must hold: the output is valid JSON: strings are escaped (quotes, backslashes
//! and control characters) and numbers that JSON cannot hold (NaN, infinities) are
//! written as null.

use std::fmt::Write;
use std::time::Duration;

/// A JSON value.
#[derive(Debug, Clone, PartialEq)]
pub enum Json {
    Null,
    Bool(bool),
    Num(f64),
    Str(String),
    Arr(Vec<Json>),
    Obj(Vec<(String, Json)>),
}

impl Json {
    /// An object from (key, value) pairs.
    pub fn obj<K: Into<String>>(pairs: impl IntoIterator<Item = (K, Json)>) -> Json {
        Json::Obj(pairs.into_iter().map(|(k, v)| (k.into(), v)).collect())
    }

    pub fn str(s: impl Into<String>) -> Json {
        Json::Str(s.into())
    }

    /// A number, or null when there is none.
    pub fn opt(value: Option<f64>) -> Json {
        value.map_or(Json::Null, Json::Num)
    }

    /// Seconds of each duration.
    pub fn secs(times: &[Duration]) -> Json {
        Json::Arr(times.iter().map(|t| Json::Num(t.as_secs_f64())).collect())
    }

    /// The JSON text, indented, with a final newline.
    pub fn render(&self) -> String {
        let mut out = String::new();
        self.write(&mut out, 0);
        out.push('\n');
        out
    }

    fn write(&self, out: &mut String, indent: usize) {
        match self {
            Json::Null => out.push_str("null"),
            Json::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
            Json::Num(n) if n.is_finite() => {
                // Whole numbers without a fraction; others in Rust's shortest round-trip form.
                if n.fract() == 0.0 && n.abs() < 1e15 {
                    let _ = write!(out, "{}", *n as i64);
                } else {
                    let _ = write!(out, "{n}");
                }
            }
            Json::Num(_) => out.push_str("null"),
            Json::Str(s) => write_str(out, s),
            Json::Arr(items) if items.is_empty() => out.push_str("[]"),
            Json::Obj(pairs) if pairs.is_empty() => out.push_str("{}"),
            Json::Arr(items) => {
                // Arrays of plain numbers stay on one line.
                if items.iter().all(|i| matches!(i, Json::Num(_) | Json::Null)) {
                    out.push('[');
                    for (k, item) in items.iter().enumerate() {
                        if k > 0 {
                            out.push_str(", ");
                        }
                        item.write(out, indent);
                    }
                    out.push(']');
                    return;
                }
                out.push_str("[\n");
                for (k, item) in items.iter().enumerate() {
                    pad(out, indent + 1);
                    item.write(out, indent + 1);
                    out.push_str(if k + 1 < items.len() { ",\n" } else { "\n" });
                }
                pad(out, indent);
                out.push(']');
            }
            Json::Obj(pairs) => {
                out.push_str("{\n");
                for (k, (key, value)) in pairs.iter().enumerate() {
                    pad(out, indent + 1);
                    write_str(out, key);
                    out.push_str(": ");
                    value.write(out, indent + 1);
                    out.push_str(if k + 1 < pairs.len() { ",\n" } else { "\n" });
                }
                pad(out, indent);
                out.push('}');
            }
        }
    }
}

fn pad(out: &mut String, indent: usize) {
    for _ in 0..indent {
        out.push_str("  ");
    }
}

fn write_str(out: &mut String, s: &str) {
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            c if (c as u32) < 0x20 => {
                let _ = write!(out, "\\u{:04x}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn renders_nested_values() {
        let v = Json::obj([
            ("name", Json::str("a \"b\"\n\u{1}")),
            ("times", Json::Arr(vec![Json::Num(1.5), Json::Num(2.0)])),
            ("none", Json::opt(None)),
            ("nan", Json::Num(f64::NAN)),
            ("ok", Json::Bool(true)),
            ("list", Json::Arr(vec![Json::obj([("n", Json::Num(1.0))])])),
            ("empty", Json::Arr(Vec::new())),
        ]);
        let expected = r#"{
  "name": "a \"b\"\n\u0001",
  "times": [1.5, 2],
  "none": null,
  "nan": null,
  "ok": true,
  "list": [
    {
      "n": 1
    }
  ],
  "empty": []
}
"#;
        assert_eq!(v.render(), expected);
    }
}
