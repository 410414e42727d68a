//! The driver's command line.

use crate::workloads::{self, Mode, Workload, MODES, SHORT_MODES, WORKLOADS};
use std::path::PathBuf;
use std::time::Duration;

pub const USAGE: &str = "\
usage: stress [--short | --duration TIME] [options]
       stress --child [hotpy arguments...]     (how the driver runs each job)

  --short            every workload once in every short-run mode (the default)
  --duration TIME    cycle through workloads, modes and seeds for TIME (90s, 10m, 1h)
  --threads N        threads per workload (default 4)
  --seed N           first seed (short default 1; long default from the clock)
  --workload NAME    only this workload (repeatable): counters races pipeline graph
                     deques
  --mode NAME        only this mode (repeatable): auto write rw gc-auto gc-write gc-rw
                     (short default: auto write rw gc-auto gc-write; long: all)
  --scale F          multiply the iteration counts (short default 1, long default 4)
  --timeout SECS     kill a run after SECS and count it failed (default 300)
  --jobs N           runs at a time in long mode (default 1)
  --env K=V          extra environment for every run (repeatable)
  --out DIR          where failed runs are recorded (default: TMPDIR/hotpy-stress)
  --programs DIR     the workload programs (default: the crate's programs folder)
  --list             list the workloads and modes";

#[derive(Clone, Debug)]
pub struct Options {
    /// None: the short run.
    pub duration: Option<Duration>,
    pub threads: u32,
    pub seed: u64,
    pub workloads: Vec<Workload>,
    pub modes: Vec<Mode>,
    pub scale: f64,
    pub timeout: Duration,
    pub jobs: usize,
    pub env: Vec<(String, String)>,
    pub out: PathBuf,
    pub programs: PathBuf,
    pub list: bool,
}

impl Options {
    /// Parses the arguments (without the program name); `Ok(None)` for `--help`.
    pub fn parse(args: &[String]) -> Result<Option<Options>, String> {
        let mut duration = None;
        let mut threads = 4;
        let mut seed = None;
        let mut wl = Vec::new();
        let mut modes = Vec::new();
        let mut scale = None;
        let mut timeout = Duration::from_secs(300);
        let mut jobs = 1;
        let mut env = Vec::new();
        let mut out = std::env::temp_dir().join("hotpy-stress");
        let mut programs = workloads::default_programs();
        let mut list = false;
        let mut it = args.iter();
        while let Some(a) = it.next() {
            let mut value = |name: &str| {
                it.next()
                    .cloned()
                    .ok_or_else(|| format!("{name} needs a value"))
            };
            match a.as_str() {
                "-h" | "--help" => return Ok(None),
                "--short" => duration = None,
                "--duration" => duration = Some(parse_duration(&value(a)?)?),
                "--threads" => threads = number(a, &value(a)?)?,
                "--seed" => seed = Some(number(a, &value(a)?)?),
                "--workload" => {
                    let v = value(a)?;
                    wl.push(workloads::workload(&v).ok_or(format!("no workload {v:?}"))?);
                }
                "--mode" => {
                    let v = value(a)?;
                    modes.push(workloads::mode(&v).ok_or(format!("no mode {v:?}"))?);
                }
                "--scale" => {
                    let v = value(a)?;
                    let f: f64 = v.parse().map_err(|_| format!("--scale {v:?}"))?;
                    if !(f > 0.0 && f.is_finite()) {
                        return Err(format!("--scale {v:?} must be positive"));
                    }
                    scale = Some(f);
                }
                "--timeout" => timeout = Duration::from_secs(number(a, &value(a)?)?),
                "--jobs" => jobs = number::<usize>(a, &value(a)?)?.max(1),
                "--env" => {
                    let v = value(a)?;
                    let (k, x) = v.split_once('=').ok_or(format!("--env {v:?}: not K=V"))?;
                    env.push((k.to_string(), x.to_string()));
                }
                "--out" => out = PathBuf::from(value(a)?),
                "--programs" => programs = PathBuf::from(value(a)?),
                "--list" => list = true,
                other => return Err(format!("unknown argument {other:?}")),
            }
        }
        if threads == 0 {
            return Err("--threads must be at least 1".into());
        }
        if wl.is_empty() {
            wl = WORKLOADS
                .iter()
                .filter(|w| w.known_bug.is_none())
                .copied()
                .collect();
        }
        if modes.is_empty() {
            modes = match duration {
                None => SHORT_MODES
                    .iter()
                    .filter_map(|m| workloads::mode(m))
                    .collect(),
                Some(_) => MODES.to_vec(),
            };
        }
        let seed = seed.unwrap_or_else(|| match duration {
            None => 1,
            Some(_) => clock_seed(),
        });
        let scale = scale.unwrap_or(if duration.is_some() { 4.0 } else { 1.0 });
        Ok(Some(Options {
            duration,
            threads,
            seed,
            workloads: wl,
            modes,
            scale,
            timeout,
            jobs,
            env,
            out,
            programs,
            list,
        }))
    }
}

fn number<T: std::str::FromStr>(name: &str, v: &str) -> Result<T, String> {
    v.parse().map_err(|_| format!("{name} {v:?}: not a number"))
}

/// `90`, `90s`, `10m`, `2h`.
pub fn parse_duration(s: &str) -> Result<Duration, String> {
    let s = s.trim();
    let (num, unit) = match s.find(|c: char| !c.is_ascii_digit() && c != '.') {
        Some(i) => (&s[..i], &s[i..]),
        None => (s, "s"),
    };
    let n: f64 = num.parse().map_err(|_| format!("bad duration {s:?}"))?;
    let secs = match unit {
        "s" => n,
        "m" => n * 60.0,
        "h" => n * 3600.0,
        _ => return Err(format!("bad duration {s:?} (units: s, m, h)")),
    };
    if !(secs > 0.0 && secs.is_finite()) {
        return Err(format!("bad duration {s:?}"));
    }
    Ok(Duration::from_secs_f64(secs))
}

fn clock_seed() -> u64 {
    let t = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap_or_default();
    t.as_secs() % 1_000_000
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(s: &str) -> Result<Option<Options>, String> {
        let v: Vec<String> = s.split_whitespace().map(String::from).collect();
        Options::parse(&v)
    }

    #[test]
    fn durations() {
        assert_eq!(parse_duration("90").unwrap(), Duration::from_secs(90));
        assert_eq!(parse_duration("90s").unwrap(), Duration::from_secs(90));
        assert_eq!(parse_duration("10m").unwrap(), Duration::from_secs(600));
        assert_eq!(parse_duration("1.5h").unwrap(), Duration::from_secs(5400));
        assert!(parse_duration("10x").is_err());
        assert!(parse_duration("0").is_err());
        assert!(parse_duration("m").is_err());
    }

    #[test]
    fn defaults_and_choices() {
        let o = parse("").unwrap().unwrap();
        assert!(o.duration.is_none());
        assert_eq!((o.threads, o.seed, o.scale), (4, 1, 1.0));
        assert!(o.workloads.iter().all(|w| w.known_bug.is_none()));
        assert_eq!(o.workloads.len(), 5);
        let o = parse("--workload deques").unwrap().unwrap();
        assert_eq!(o.workloads[0].name, "deques");
        assert_eq!(o.modes.len(), SHORT_MODES.len());
        let o = parse("--duration 10m --threads 4 --seed 9 --mode gc-write --env A=b=c")
            .unwrap()
            .unwrap();
        assert_eq!(o.duration, Some(Duration::from_secs(600)));
        assert_eq!((o.seed, o.scale), (9, 4.0));
        assert_eq!(o.modes.len(), 1);
        assert_eq!(o.env, vec![("A".to_string(), "b=c".to_string())]);
        assert!(parse("--mode nope").is_err());
        assert!(parse("--workload nope").is_err());
        assert!(parse("--threads").is_err());
        assert!(parse("--threads 0").is_err());
        assert!(parse("--help").unwrap().is_none());
    }
}
