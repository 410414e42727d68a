//! Source lines for tracebacks: files are read when a traceback first needs a line of
//! them and kept; sources compiled from strings (`exec`, `-c`) are registered by name.
//!
//! What must hold: a missing or unreadable file gives no line, never an error.

use parking_lot::Mutex;
use std::collections::HashMap;
use std::sync::OnceLock;

fn cache() -> &'static Mutex<HashMap<String, Option<Vec<String>>>> {
    static C: OnceLock<Mutex<HashMap<String, Option<Vec<String>>>>> = OnceLock::new();
    C.get_or_init(|| Mutex::new(HashMap::new()))
}

/// Registers the text of a source that is not a file on disk.
pub fn register(filename: &str, text: &str) {
    let lines = text.lines().map(|l| l.to_string()).collect();
    cache().lock().insert(filename.to_string(), Some(lines));
}

/// Called when a code object is made; nothing to do until a line is needed.
pub fn note_file(_filename: &str) {}

/// Line `line` (1-based) of `filename`.
pub fn source_line(filename: &str, line: u32) -> Option<String> {
    let mut c = cache().lock();
    let e = c.entry(filename.to_string()).or_insert_with(|| {
        if filename.starts_with('<') {
            return None;
        }
        std::fs::read_to_string(filename)
            .ok()
            .map(|t| t.lines().map(|l| l.to_string()).collect())
    });
    e.as_ref()
        .and_then(|v| v.get((line as usize).checked_sub(1)?).cloned())
        .filter(|l| !l.trim().is_empty())
}
