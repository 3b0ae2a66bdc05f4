//! Calendar dates for the account-health sections of `wxlint report`: a day count since
//! 1970-01-01 (proleptic Gregorian), ISO 8601 weeks (Monday to Sunday; week 1 holds the year's
//! first Thursday), Beijing time for Unix timestamps, Excel serial numbers, and the date
//! spellings found in saved articles, file names and spreadsheet exports.
//!
//! China has one time zone (UTC+8, no daylight saving): a publication instant is turned into the
//! date an editor in China saw, whatever the clock zone of the computer making the report.

use std::fmt;

/// Years accepted anywhere a date is read: WeChat Official Accounts started in 2012; the range is
/// wide enough for any archive and narrow enough to reject numbers that only look like dates.
const MIN_YEAR: i32 = 2000;
const MAX_YEAR: i32 = 2099;

/// A calendar day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date(i32);

impl Date {
    /// The date, if it exists and its year is in the accepted range.
    pub fn from_ymd(y: i32, m: u32, d: u32) -> Option<Date> {
        if !(MIN_YEAR..=MAX_YEAR).contains(&y) || !(1..=12).contains(&m) || d == 0 || d > days_in_month(y, m) {
            return None;
        }
        Some(Date(days_from_civil(y, m, d)))
    }

    pub fn ymd(self) -> (i32, u32, u32) {
        civil_from_days(self.0)
    }

    pub fn add_days(self, n: i32) -> Date {
        Date(self.0 + n)
    }

    /// Days from `earlier` to `self` (negative when `self` is earlier).
    pub fn since(self, earlier: Date) -> i32 {
        self.0 - earlier.0
    }

    /// 1 = Monday … 7 = Sunday (1970-01-01 was a Thursday).
    pub fn weekday(self) -> u32 {
        ((self.0 + 3).rem_euclid(7) + 1) as u32
    }

    /// The Monday of this date's week.
    pub fn monday(self) -> Date {
        Date(self.0 - (self.weekday() as i32 - 1))
    }

    pub fn iso_week(self) -> IsoWeek {
        // The week belongs to the year of its Thursday.
        let thursday = self.monday().add_days(3);
        let (year, _, _) = thursday.ymd();
        let jan1 = days_from_civil(year, 1, 1);
        IsoWeek { year, week: ((thursday.0 - jan1) / 7 + 1) as u32 }
    }

    /// The date in Beijing (UTC+8) of a Unix timestamp in seconds.
    pub fn from_unix_beijing(secs: i64) -> Option<Date> {
        let days = (secs + 8 * 3600).div_euclid(86_400);
        let date = Date(i32::try_from(days).ok()?);
        date.in_range().then_some(date)
    }

    /// The date of an Excel serial number (1900 date system: day 1 is 1900-01-01, and Excel's
    /// phantom 1900-02-29 is day 60, so serials from 61 on count from 1899-12-30).
    pub fn from_excel_serial(serial: f64) -> Option<Date> {
        if !serial.is_finite() || serial < 61.0 {
            return None;
        }
        let date = Date(days_from_civil(1899, 12, 30) + serial.floor() as i32);
        date.in_range().then_some(date)
    }

    fn in_range(self) -> bool {
        (MIN_YEAR..=MAX_YEAR).contains(&self.ymd().0)
    }

    /// `2026年3月5日`.
    pub fn zh(self) -> String {
        let (y, m, d) = self.ymd();
        format!("{y}年{m}月{d}日")
    }

    /// `3月5日`.
    pub fn zh_short(self) -> String {
        let (_, m, d) = self.ymd();
        format!("{m}月{d}日")
    }

    /// `周四`.
    pub fn weekday_zh(self) -> &'static str {
        ["周一", "周二", "周三", "周四", "周五", "周六", "周日"][self.weekday() as usize - 1]
    }
}

/// `2026-03-05`.
impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (y, m, d) = self.ymd();
        write!(f, "{y:04}-{m:02}-{d:02}")
    }
}

/// An ISO 8601 week.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct IsoWeek {
    pub year: i32,
    pub week: u32,
}

impl IsoWeek {
    /// The week's Monday.
    #[cfg(test)]
    pub fn monday(self) -> Date {
        // 4 January is always in week 1.
        let jan4 = Date(days_from_civil(self.year, 1, 4));
        jan4.monday().add_days(7 * (self.week as i32 - 1))
    }

    /// `第10周`.
    pub fn zh(self) -> String {
        format!("{}年第{}周", self.year, self.week)
    }
}

/// `2026-W10`.
impl fmt::Display for IsoWeek {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-W{:02}", self.year, self.week)
    }
}

/// The first date written in `text`: `2026-03-05`, `2026/3/5`, `2026.3.5`, `2026_03_05`,
/// `2026年3月5日`, or eight digits `20260305`, optionally followed by a time (ignored). A date
/// must not be part of a longer run of digits (so `120260305` is no date), and must exist.
pub fn find_date(text: &str) -> Option<Date> {
    let chars: Vec<char> = text.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        if chars[i].is_ascii_digit() && (i == 0 || !chars[i - 1].is_ascii_digit()) {
            if let Some(d) = date_at(&chars, i) {
                return Some(d);
            }
        }
        i += 1;
    }
    None
}

/// A date that makes up all of `text` (surrounding spaces and a trailing time allowed).
pub fn parse_date(text: &str) -> Option<Date> {
    let t = text.trim();
    let chars: Vec<char> = t.chars().collect();
    let (date, end) = date_with_end(&chars, 0)?;
    let rest: String = chars[end..].iter().collect();
    let rest = rest.trim();
    (rest.is_empty() || is_time(rest)).then_some(date)
}

fn date_at(chars: &[char], start: usize) -> Option<Date> {
    date_with_end(chars, start).map(|(d, _)| d)
}

/// A date starting at `start`, and the index after it.
fn date_with_end(chars: &[char], start: usize) -> Option<(Date, usize)> {
    let (year, mut i) = digits(chars, start, 4, 4)?;
    let not_digit_at = |k: usize| chars.get(k).is_none_or(|c| !c.is_ascii_digit());
    // Eight digits in a row: YYYYMMDD.
    if let Some((md, end)) = digits(chars, i, 4, 4) {
        if not_digit_at(end) {
            let date = Date::from_ymd(year as i32, md / 100, md % 100)?;
            return Some((date, end));
        }
        return None;
    }
    // `2026 年 3 月 5 日`: spaces before 年.
    let mut k = i;
    while chars.get(k) == Some(&' ') {
        k += 1;
    }
    if k > i && chars.get(k) == Some(&'年') {
        i = k;
    }
    let sep = *chars.get(i)?;
    let cjk = sep == '年';
    if !(cjk || matches!(sep, '-' | '/' | '.' | '_')) {
        return None;
    }
    i += 1;
    if cjk {
        while chars.get(i) == Some(&' ') {
            i += 1;
        }
    }
    let (month, j) = digits(chars, i, 1, 2)?;
    i = j;
    if cjk {
        while chars.get(i) == Some(&' ') {
            i += 1;
        }
        if chars.get(i) != Some(&'月') {
            return None;
        }
        i += 1;
        while chars.get(i) == Some(&' ') {
            i += 1;
        }
    } else if chars.get(i) != Some(&sep) {
        return None;
    } else {
        i += 1;
    }
    let (day, j) = digits(chars, i, 1, 2)?;
    i = j;
    if !not_digit_at(i) {
        return None;
    }
    if cjk {
        let mut k = i;
        while chars.get(k) == Some(&' ') {
            k += 1;
        }
        if matches!(chars.get(k), Some('日' | '号')) {
            i = k + 1;
        }
    }
    Some((Date::from_ymd(year as i32, month, day)?, i))
}

/// `min..=max` ASCII digits at `start`: their value and the index after them.
fn digits(chars: &[char], start: usize, min: usize, max: usize) -> Option<(u32, usize)> {
    let mut value = 0u32;
    let mut n = 0;
    while n < max {
        match chars.get(start + n).and_then(|c| c.to_digit(10).filter(|_| c.is_ascii_digit())) {
            Some(d) => value = value * 10 + d,
            None => break,
        }
        n += 1;
    }
    (n >= min).then_some((value, start + n))
}

/// `18:05`, `18:05:09`, `T18:05:09Z`, `18:05:09+08:00`: a time of day after a date.
fn is_time(s: &str) -> bool {
    let s = s.strip_prefix('T').unwrap_or(s);
    let mut parts = s.splitn(2, ':');
    let hour = parts.next().unwrap_or("");
    !hour.is_empty() && hour.len() <= 2 && hour.chars().all(|c| c.is_ascii_digit()) && parts.next().is_some_and(|rest| {
        rest.chars().next().is_some_and(|c| c.is_ascii_digit())
            && rest.chars().all(|c| c.is_ascii_digit() || matches!(c, ':' | '.' | 'Z' | '+' | '-' | ' '))
    })
}

fn is_leap(y: i32) -> bool {
    (y % 4 == 0 && y % 100 != 0) || y % 400 == 0
}

fn days_in_month(y: i32, m: u32) -> u32 {
    match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        _ if is_leap(y) => 29,
        _ => 28,
    }
}

/// Days since 1970-01-01 of a civil date (H. Hinnant's algorithm).
fn days_from_civil(y: i32, m: u32, d: u32) -> i32 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let m = m as i32;
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + d as i32 - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// Year, month, day of a day count since 1970-01-01 (H. Hinnant's algorithm).
pub fn civil_from_days(days: i32) -> (i32, u32, u32) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    (yoe + era * 400 + i32::from(m <= 2), m, d)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> Date {
        Date::from_ymd(y, m, day).unwrap()
    }

    #[test]
    fn civil_round_trip_and_weekdays() {
        for days in (days_from_civil(2000, 1, 1)..days_from_civil(2099, 12, 31)).step_by(13) {
            let (y, m, dd) = civil_from_days(days);
            assert_eq!(days_from_civil(y, m, dd), days);
        }
        assert_eq!(Date(0).ymd(), (1970, 1, 1));
        assert_eq!(d(2026, 3, 5).weekday(), 4, "2026-03-05 is a Thursday");
        assert_eq!(d(2026, 3, 8).weekday(), 7);
        assert_eq!(d(2026, 3, 5).monday(), d(2026, 3, 2));
        assert_eq!(d(2026, 3, 5).to_string(), "2026-03-05");
        assert_eq!(d(2026, 3, 5).zh(), "2026年3月5日");
        assert_eq!(Date::from_ymd(2026, 2, 29), None);
        assert_eq!(Date::from_ymd(2024, 2, 29).map(|x| x.ymd()), Some((2024, 2, 29)));
        assert_eq!(Date::from_ymd(1999, 1, 1), None, "outside the accepted years");
    }

    #[test]
    fn iso_weeks_at_year_boundaries() {
        // Values as listed in ISO 8601's examples and common calendars.
        let cases = [
            ((2026, 1, 1), (2026, 1)),
            ((2025, 12, 29), (2026, 1)),
            ((2024, 12, 30), (2025, 1)),
            ((2021, 1, 3), (2020, 53)),
            ((2020, 12, 31), (2020, 53)),
            ((2026, 3, 5), (2026, 10)),
            ((2026, 12, 31), (2026, 53)),
            ((2027, 1, 3), (2026, 53)),
            ((2027, 1, 4), (2027, 1)),
        ];
        for ((y, m, dd), (wy, w)) in cases {
            let week = d(y, m, dd).iso_week();
            assert_eq!((week.year, week.week), (wy, w), "{y}-{m}-{dd}");
            assert_eq!(week.monday(), d(y, m, dd).monday(), "{week}");
        }
        assert_eq!(d(2026, 3, 5).iso_week().to_string(), "2026-W10");
    }

    #[test]
    fn timestamps_are_beijing_dates() {
        // 2025-06-12 10:05 UTC is 18:05 in Beijing, the same day.
        assert_eq!(Date::from_unix_beijing(1_749_722_700), Some(d(2025, 6, 12)));
        // 2024-02-29 16:30 UTC is already 1 March in Beijing.
        assert_eq!(Date::from_unix_beijing(1_709_224_200), Some(d(2024, 3, 1)));
        assert_eq!(Date::from_unix_beijing(0), None, "1970 is not a publication date");
    }

    #[test]
    fn excel_serials() {
        assert_eq!(Date::from_excel_serial(46_086.0), Some(d(2026, 3, 5)));
        assert_eq!(Date::from_excel_serial(46_086.75), Some(d(2026, 3, 5)), "the time of day is dropped");
        assert_eq!(Date::from_excel_serial(45_351.0), Some(d(2024, 2, 29)));
        assert_eq!(Date::from_excel_serial(3.0), None);
        assert_eq!(Date::from_excel_serial(f64::NAN), None);
    }

    #[test]
    fn dates_in_text() {
        let want = Some(d(2026, 3, 5));
        for text in [
            "2026-03-05",
            "2026-3-5",
            "2026/03/05 18:30",
            "2026.3.5",
            "2026_03_05",
            "20260305",
            "2026年3月5日",
            "2026年03月05日 17:08",
            "2026 年 3 月 5 日",
            "2026-03-05T10:30:00+08:00",
        ] {
            assert_eq!(parse_date(text), want, "{text}");
            assert_eq!(find_date(&format!("发布于{text}，"), ), want, "{text}");
        }
        assert_eq!(find_date("2026-03-05-春季运动会.md"), want);
        assert_eq!(find_date("简报20260305期"), want);
        assert_eq!(find_date("第120260305号"), None, "part of a longer number");
        assert_eq!(find_date("2026-02-30"), None);
        assert_eq!(find_date("2026-13-01"), None);
        assert_eq!(find_date("3月5日"), None, "no year");
        assert_eq!(find_date("1234-05-06 and 2026-03-05"), want, "the first real date");
        assert_eq!(parse_date("2026-03-05 以后"), None, "not all of the text");
        assert_eq!(parse_date("昨天"), None);
        assert_eq!(parse_date(""), None);
    }
}
