//! What the results were measured on and when: date, machine, commit.
//!
//! How it works: the date is the UTC calendar date of the system clock (converted from
//! days since 1970 by the usual civil-calendar arithmetic, so no date crate is
//! needed); the machine is read from /proc (CPU model, memory, kernel) and
//! `available_parallelism`; the commit from `git rev-parse` in the workspace. Each
//! figure that cannot be found is "unknown", never an error: a results file is still
//! worth writing.
//!
//! What must hold: nothing here affects measurements; it runs once before them.

use std::path::Path;
use std::process::Command;
use std::time::{SystemTime, UNIX_EPOCH};

use crate::json::Json;

/// The (year, month, day) of a count of days since 1970-01-01.
pub fn civil_from_days(days: i64) -> (i64, u32, u32) {
    // Shift to an era starting on 0000-03-01, so leap days fall at the end of a year.
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let year = yoe + era * 400 + i64::from(month <= 2);
    (year, month, day)
}

/// Today's UTC date as YYYY-MM-DD.
pub fn today() -> String {
    let secs = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    let (y, m, d) = civil_from_days((secs / 86_400) as i64);
    format!("{y:04}-{m:02}-{d:02}")
}

fn proc_field(file: &str, key: &str) -> Option<String> {
    let text = std::fs::read_to_string(file).ok()?;
    let line = text.lines().find(|l| l.starts_with(key))?;
    Some(line.split_once(':')?.1.trim().to_string())
}

/// A description of this machine.
pub struct Machine {
    pub cores: usize,
    pub cpu: String,
    pub memory: String,
    pub kernel: String,
}

impl Machine {
    pub fn probe() -> Machine {
        let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
        let memory = proc_field("/proc/meminfo", "MemTotal")
            .and_then(|kb| kb.split_whitespace().next()?.parse::<f64>().ok())
            .map_or("unknown".to_string(), |kb| {
                format!("{:.0} GiB", kb / 1024.0 / 1024.0)
            });
        Machine {
            cores,
            cpu: proc_field("/proc/cpuinfo", "model name").unwrap_or_else(|| "unknown".into()),
            memory,
            kernel: std::fs::read_to_string("/proc/sys/kernel/osrelease")
                .map_or("unknown".to_string(), |s| s.trim().to_string()),
        }
    }

    pub fn summary(&self) -> String {
        format!(
            "{} cores ({}), {}, Linux {}",
            self.cores, self.cpu, self.memory, self.kernel
        )
    }

    pub fn json(&self) -> Json {
        Json::obj([
            ("cores", Json::Num(self.cores as f64)),
            ("cpu", Json::str(self.cpu.as_str())),
            ("memory", Json::str(self.memory.as_str())),
            ("kernel", Json::str(self.kernel.as_str())),
        ])
    }
}

/// The short commit of the workspace, with `+dirty` when it has uncommitted changes.
pub fn commit(root: &Path) -> String {
    let git = |args: &[&str]| {
        Command::new("git")
            .args(args)
            .current_dir(root)
            .output()
            .ok()
            .filter(|o| o.status.success())
            .map(|o| String::from_utf8_lossy(&o.stdout).trim().to_string())
    };
    match git(&["rev-parse", "--short", "HEAD"]) {
        Some(c) => match git(&["status", "--porcelain", "--untracked-files=no"]) {
            Some(s) if !s.is_empty() => format!("{c}+dirty"),
            _ => c,
        },
        None => "unknown".to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn calendar_dates() {
        assert_eq!(civil_from_days(0), (1970, 1, 1));
        assert_eq!(civil_from_days(59), (1970, 3, 1));
        assert_eq!(civil_from_days(11_016), (2000, 2, 29));
        assert_eq!(civil_from_days(19_723), (2024, 1, 1));
        assert_eq!(civil_from_days(-1), (1969, 12, 31));
        assert_eq!(today().len(), 10);
    }
}
