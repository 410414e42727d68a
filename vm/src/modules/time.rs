//! The `time` module: clocks, `sleep`, and calendar conversions.
//!
//! Clocks come from `std::time`; `process_time` reads the process's CPU time from
//! `/proc/self/stat` (Linux) and falls back to the monotonic clock. Calendar functions
//! work in UTC: hotpy does not read the system's time-zone database, so `localtime` is
//! `gmtime` and `timezone` is 0. Functions returning `struct_time` are built-in
//! functions bound to the `struct_time` type (their first argument), so no type object
//! is kept outside the heap.
//!
//! What must hold: results match CPython's for UTC; bad arguments raise CPython's errors.

use crate::interp::call::Args;
use crate::interp::state::{PyResult, Vm};
use crate::obj::alloc::str_val;
use crate::obj::layout::*;
use crate::runtime::{g, ExcKind};
use crate::types::typeobj::{type_name, type_of};
use crate::value::Value;
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

fn epoch_f64() -> f64 {
    match SystemTime::now().duration_since(UNIX_EPOCH) {
        Ok(d) => d.as_secs_f64(),
        Err(e) => -e.duration().as_secs_f64(),
    }
}

fn epoch_ns() -> i128 {
    match SystemTime::now().duration_since(UNIX_EPOCH) {
        Ok(d) => d.as_nanos() as i128,
        Err(e) => -(e.duration().as_nanos() as i128),
    }
}

/// Nanoseconds on a monotonic clock (from the first use in this process).
fn mono_ns() -> u128 {
    static START: std::sync::OnceLock<Instant> = std::sync::OnceLock::new();
    let s = START.get_or_init(Instant::now);
    s.elapsed().as_nanos() + 1_000_000_000
}

/// CPU time of the process in nanoseconds.
fn cpu_ns() -> u128 {
    if let Ok(s) = std::fs::read_to_string("/proc/self/stat") {
        // Fields after the command name (which may contain spaces) in parentheses.
        if let Some(rest) = s.rsplit_once(')').map(|(_, r)| r) {
            let f: Vec<&str> = rest.split_whitespace().collect();
            // utime and stime are fields 14 and 15 overall: 12 and 13 after ')'.
            if let (Some(u), Some(k)) = (f.get(11), f.get(12)) {
                if let (Ok(u), Ok(k)) = (u.parse::<u128>(), k.parse::<u128>()) {
                    return (u + k) * 10_000_000;
                }
            }
        }
    }
    mono_ns()
}

fn t_time(vm: &mut Vm, _a: &Args) -> PyResult<Value> {
    vm.new_float(epoch_f64())
}

fn t_time_ns(vm: &mut Vm, _a: &Args) -> PyResult<Value> {
    vm.new_int_i128(epoch_ns())
}

fn t_perf_counter(vm: &mut Vm, _a: &Args) -> PyResult<Value> {
    vm.new_float(mono_ns() as f64 / 1e9)
}

fn t_perf_counter_ns(vm: &mut Vm, _a: &Args) -> PyResult<Value> {
    vm.new_int_i128(mono_ns() as i128)
}

fn t_process_time(vm: &mut Vm, _a: &Args) -> PyResult<Value> {
    vm.new_float(cpu_ns() as f64 / 1e9)
}

fn t_process_time_ns(vm: &mut Vm, _a: &Args) -> PyResult<Value> {
    vm.new_int_i128(cpu_ns() as i128)
}

fn t_sleep(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    crate::builtins::one_arg(vm, a, "sleep")?;
    let v = a.get(0);
    let secs = if v.is_ptr() && kind_of(v) == Kind::Float {
        crate::obj::alloc::float_val(v)
    } else if crate::types::int::is_int(v) {
        crate::types::int::int_to_f64(vm, v)?
    } else {
        let msg = format!(
            "'{}' object cannot be interpreted as an integer",
            type_name(type_of(v))
        );
        return Err(vm.raise_msg(ExcKind::TypeError, &msg));
    };
    if secs.is_nan() {
        return Err(vm.raise_msg(ExcKind::ValueError, "Invalid value NaN (not a number)"));
    }
    if secs < 0.0 {
        return Err(vm.raise_msg(ExcKind::ValueError, "sleep length must be non-negative"));
    }
    if !secs.is_finite() || secs > 1e12 {
        return Err(vm.raise_msg(ExcKind::OverflowError, "sleep length is too large"));
    }
    crate::builtins::flush_stdout();
    // Other threads (and their collections) go on while this one sleeps.
    vm.blocking(a.from_interp(), || {
        std::thread::sleep(Duration::from_secs_f64(secs))
    });
    Ok(g().none)
}

/// Days since 1970-01-01 -> (year, month 1-12, day 1-31) (Howard Hinnant's algorithm).
fn civil_from_days(z: i64) -> (i64, i64, i64) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let y = yoe + era * 400;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    (if m <= 2 { y + 1 } else { y }, m, d)
}

fn days_from_civil(y: i64, m: i64, d: i64) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y.rem_euclid(400);
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

fn is_leap(y: i64) -> bool {
    (y % 4 == 0 && y % 100 != 0) || y % 400 == 0
}

/// Broken-down UTC time: [year, mon, mday, hour, min, sec, wday, yday, isdst].
fn broken_down(secs: i64) -> [i64; 9] {
    let days = secs.div_euclid(86_400);
    let rem = secs.rem_euclid(86_400);
    let (y, m, d) = civil_from_days(days);
    let wday = (days + 3).rem_euclid(7);
    let yday = days - days_from_civil(y, 1, 1) + 1;
    [
        y,
        m,
        d,
        rem / 3600,
        rem % 3600 / 60,
        rem % 60,
        wday,
        yday,
        0,
    ]
}

fn secs_arg(vm: &mut Vm, v: Option<Value>) -> PyResult<i64> {
    match v {
        None => Ok(epoch_f64().floor() as i64),
        Some(v) if v == g().none => Ok(epoch_f64().floor() as i64),
        Some(v) => {
            let f = if v.is_ptr() && kind_of(v) == Kind::Float {
                crate::obj::alloc::float_val(v)
            } else if crate::types::int::is_int(v) {
                return vm.index_i64(v);
            } else {
                let msg = format!(
                    "'{}' object cannot be interpreted as an integer",
                    type_name(type_of(v))
                );
                return Err(vm.raise_msg(ExcKind::TypeError, &msg));
            };
            if !f.is_finite() || f.abs() > 1e17 {
                return Err(vm.raise_msg(
                    ExcKind::OverflowError,
                    "timestamp out of range for platform time_t",
                ));
            }
            Ok(f.trunc() as i64)
        }
    }
}

fn struct_time(vm: &mut Vm, typ: Value, tm: [i64; 9]) -> PyResult<Value> {
    let vals: Vec<Value> = tm.iter().map(|x| Value::small(*x)).collect();
    crate::modules::structseq::new(vm, typ, &vals)
}

/// gmtime/localtime: bound to the struct_time type (a.get(0)).
fn t_gmtime(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let typ = a.get(0);
    let secs = secs_arg(vm, a.opt(1))?;
    struct_time(vm, typ, broken_down(secs))
}

/// A broken-down time from a struct_time or 9-tuple argument.
fn tm_arg(vm: &mut Vm, v: Value, fname: &str) -> PyResult<[i64; 9]> {
    let items = if v.is_ptr() && kind_of(v) == Kind::Tuple {
        crate::types::tuple::items(v)
    } else {
        return Err(vm.raise_msg(ExcKind::TypeError, "Tuple or struct_time argument required"));
    };
    if items.len() != 9 {
        let msg = format!("{fname}(): illegal time tuple argument");
        return Err(vm.raise_msg(ExcKind::TypeError, &msg));
    }
    let mut out = [0i64; 9];
    for (o, x) in out.iter_mut().zip(items) {
        *o = vm.index_i64(x)?;
    }
    Ok(out)
}

fn now_or_tm(vm: &mut Vm, v: Option<Value>, fname: &str) -> PyResult<[i64; 9]> {
    match v {
        None => Ok(broken_down(epoch_f64().floor() as i64)),
        Some(v) => tm_arg(vm, v, fname),
    }
}

fn t_mktime(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    crate::builtins::one_arg(vm, a, "mktime")?;
    let tm = tm_arg(vm, a.get(0), "mktime")?;
    let days = days_from_civil(tm[0], 1, 1) + month_offset(tm[0], tm[1]) + tm[2] - 1;
    let secs = days * 86_400 + tm[3] * 3600 + tm[4] * 60 + tm[5];
    vm.new_float(secs as f64)
}

/// Days from January 1st to the first of month `m` (months outside 1-12 wrap years).
fn month_offset(y: i64, m: i64) -> i64 {
    let (y2, m2) = (y + (m - 1).div_euclid(12), (m - 1).rem_euclid(12) + 1);
    days_from_civil(y2, m2, 1) - days_from_civil(y, 1, 1)
}

const DAYS: [&str; 7] = [
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];
const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

fn day_name(w: i64) -> &'static str {
    DAYS[w.rem_euclid(7) as usize]
}

fn month_name(m: i64) -> &'static str {
    MONTHS[(m - 1).rem_euclid(12) as usize]
}

fn asctime_of(tm: &[i64; 9]) -> String {
    format!(
        "{} {} {:2} {:02}:{:02}:{:02} {}",
        &day_name(tm[6])[..3],
        &month_name(tm[1])[..3],
        tm[2],
        tm[3],
        tm[4],
        tm[5],
        tm[0]
    )
}

fn week_number(tm: &[i64; 9], monday_first: bool) -> i64 {
    let yday = tm[7] - 1;
    let wday = if monday_first { tm[6] } else { (tm[6] + 1) % 7 };
    (yday + 7 - wday) / 7
}

fn strftime_of(fmt: &str, tm: &[i64; 9]) -> String {
    let mut out = String::new();
    let mut it = fmt.chars();
    while let Some(c) = it.next() {
        if c != '%' {
            out.push(c);
            continue;
        }
        let Some(d) = it.next() else {
            out.push('%');
            break;
        };
        let s = match d {
            'Y' => tm[0].to_string(),
            'y' => format!("{:02}", tm[0].rem_euclid(100)),
            'C' => format!("{:02}", tm[0].div_euclid(100)),
            'm' => format!("{:02}", tm[1]),
            'd' => format!("{:02}", tm[2]),
            'e' => format!("{:2}", tm[2]),
            'H' => format!("{:02}", tm[3]),
            'I' => format!("{:02}", if tm[3] % 12 == 0 { 12 } else { tm[3] % 12 }),
            'M' => format!("{:02}", tm[4]),
            'S' => format!("{:02}", tm[5]),
            'p' => (if tm[3] < 12 { "AM" } else { "PM" }).to_string(),
            'a' => day_name(tm[6])[..3].to_string(),
            'A' => day_name(tm[6]).to_string(),
            'b' | 'h' => month_name(tm[1])[..3].to_string(),
            'B' => month_name(tm[1]).to_string(),
            'j' => format!("{:03}", tm[7]),
            'w' => ((tm[6] + 1) % 7).to_string(),
            'u' => (tm[6] + 1).to_string(),
            'U' => format!("{:02}", week_number(tm, false)),
            'W' => format!("{:02}", week_number(tm, true)),
            'Z' => "UTC".to_string(),
            'z' => "+0000".to_string(),
            'c' => asctime_of(tm),
            'x' => format!("{:02}/{:02}/{:02}", tm[1], tm[2], tm[0].rem_euclid(100)),
            'X' | 'T' => format!("{:02}:{:02}:{:02}", tm[3], tm[4], tm[5]),
            'D' => format!("{:02}/{:02}/{:02}", tm[1], tm[2], tm[0].rem_euclid(100)),
            'F' => format!("{}-{:02}-{:02}", tm[0], tm[1], tm[2]),
            'R' => format!("{:02}:{:02}", tm[3], tm[4]),
            'n' => "\n".to_string(),
            't' => "\t".to_string(),
            's' => {
                let days = days_from_civil(tm[0], tm[1], tm[2]);
                (days * 86_400 + tm[3] * 3600 + tm[4] * 60 + tm[5]).to_string()
            }
            '%' => "%".to_string(),
            other => format!("%{other}"),
        };
        out.push_str(&s);
    }
    out
}

fn t_strftime(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    if a.is_empty() || a.len() > 2 {
        let msg = format!("strftime expected at most 2 arguments, got {}", a.len());
        return Err(vm.raise_msg(ExcKind::TypeError, &msg));
    }
    let f = a.get(0);
    if !crate::types::str::is_str(f) {
        let msg = format!(
            "strftime() argument 1 must be str, not {}",
            type_name(type_of(f))
        );
        return Err(vm.raise_msg(ExcKind::TypeError, &msg));
    }
    let tm = now_or_tm(vm, a.opt(1), "strftime")?;
    if !(1..=12).contains(&tm[1]) {
        return Err(vm.raise_msg(ExcKind::ValueError, "month out of range"));
    }
    let max_day = if tm[1] == 2 && is_leap(tm[0]) { 29 } else { 31 };
    if tm[2] < 0 || tm[2] > max_day {
        return Err(vm.raise_msg(ExcKind::ValueError, "day of month out of range"));
    }
    let s = strftime_of(str_val(f), &tm);
    vm.new_str(&s)
}

fn t_asctime(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let tm = now_or_tm(vm, a.opt(0), "asctime")?;
    let s = asctime_of(&tm);
    vm.new_str(&s)
}

fn t_ctime(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let secs = secs_arg(vm, a.opt(0))?;
    let s = asctime_of(&broken_down(secs));
    vm.new_str(&s)
}

/// Creates the module object.
pub fn make(vm: &mut Vm) -> PyResult<Value> {
    let m = vm.new_module_named("time")?;
    let d = vm.dict_of(m);
    vm.def_module_fns(
        d,
        &[
            ("time", t_time),
            ("time_ns", t_time_ns),
            ("perf_counter", t_perf_counter),
            ("perf_counter_ns", t_perf_counter_ns),
            ("monotonic", t_perf_counter),
            ("monotonic_ns", t_perf_counter_ns),
            ("process_time", t_process_time),
            ("process_time_ns", t_process_time_ns),
            ("thread_time", t_process_time),
            ("thread_time_ns", t_process_time_ns),
            ("sleep", t_sleep),
            ("mktime", t_mktime),
            ("strftime", t_strftime),
            ("asctime", t_asctime),
            ("ctime", t_ctime),
        ],
    )?;
    let st = crate::modules::structseq::new_type(
        vm,
        "time",
        "struct_time",
        &[
            "tm_year", "tm_mon", "tm_mday", "tm_hour", "tm_min", "tm_sec", "tm_wday", "tm_yday",
            "tm_isdst",
        ],
    )?;
    let k = vm.intern("struct_time")?;
    vm.dict_set(d, k, st)?;
    for name in ["gmtime", "localtime"] {
        let nm = vm.intern(name)?;
        let f = vm.new_native(nm, t_gmtime, Value::NULL, st, false)?;
        vm.dict_set(d, nm, f)?;
    }
    for (k, v) in [("timezone", 0), ("altzone", 0), ("daylight", 0)] {
        let kk = vm.intern(k)?;
        vm.dict_set(d, kk, Value::small(v))?;
    }
    let utc = vm.new_str("UTC")?;
    let tzn = vm.new_tuple(&[utc, utc])?;
    let k = vm.intern("tzname")?;
    vm.dict_set(d, k, tzn)?;
    Ok(m)
}
