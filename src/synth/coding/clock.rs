//! When the sample's coders coded: a clock that only runs in working hours (9:00–12:30 and
//! 14:00–18:00, Monday to Friday, not on the public holidays of autumn 2013), advanced by
//! the time each reading and each coding takes, so that codings carry plausible, ordered
//! timestamps that never depend on the machine's clock.

use chrono::{Datelike, Days, NaiveDate, NaiveDateTime, NaiveTime, Weekday};

use crate::synth::rng::Rng;

/// Public holidays of the coding period: 1 and 11 November 2013, 25 December 2013.
const HOLIDAYS: [(u32, u32); 3] = [(11, 1), (11, 11), (12, 25)];

/// A coder's working time.
pub(super) struct Clock {
    now: NaiveDateTime,
    rng: Rng,
}

impl Clock {
    /// A clock at the start of `day`'s work.
    pub(super) fn new(day: NaiveDate, rng: Rng) -> Clock {
        let mut clock = Clock {
            now: at(day, 9, 0),
            rng,
        };
        clock.settle();
        clock
    }

    /// Sit down to work available from `day`: not before that morning, and after a pause
    /// when the coder was already at work.
    pub(super) fn sit_down(&mut self, day: NaiveDate) {
        let minutes = self.rng.between(0, 40);
        let earliest = at(day, 9, 0) + chrono::Duration::minutes(minutes);
        if self.now < earliest {
            self.now = earliest;
        } else {
            let pause = self.rng.between(3, 25);
            self.now += chrono::Duration::minutes(pause);
        }
        self.settle();
    }

    /// Spend between `low` and `high` seconds, and tell the time it is then (ISO 8601, UTC).
    pub(super) fn spend(&mut self, low: i64, high: i64) -> String {
        let seconds = self.rng.between(low, high);
        self.now += chrono::Duration::seconds(seconds);
        self.settle();
        self.now.format("%Y-%m-%dT%H:%M:%SZ").to_string()
    }

    /// Move the clock into working time.
    fn settle(&mut self) {
        loop {
            let day = self.now.date();
            let time = self.now.time();
            let jitter = chrono::Duration::minutes(self.rng.between(0, 20));
            if is_day_off(day) || time >= hm(18, 0) {
                let next = day.checked_add_days(Days::new(1)).unwrap_or(day);
                self.now = at(next, 9, 0) + jitter;
            } else if time < hm(9, 0) {
                self.now = at(day, 9, 0) + jitter;
            } else if time >= hm(12, 30) && time < hm(14, 0) {
                self.now = at(day, 14, 0) + jitter;
            } else {
                return;
            }
        }
    }
}

fn is_day_off(day: NaiveDate) -> bool {
    matches!(day.weekday(), Weekday::Sat | Weekday::Sun)
        || HOLIDAYS.contains(&(day.month(), day.day()))
}

fn hm(hour: u32, minute: u32) -> NaiveTime {
    NaiveTime::from_hms_opt(hour, minute, 0).unwrap_or_default()
}

fn at(day: NaiveDate, hour: u32, minute: u32) -> NaiveDateTime {
    day.and_time(hm(hour, minute))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_clock_keeps_to_working_hours() {
        // Friday 8 November 2013, late: the next working day is Tuesday 12 (11 is a holiday).
        let friday = NaiveDate::from_ymd_opt(2013, 11, 8).unwrap();
        let mut clock = Clock::new(friday, Rng::new(1));
        clock.now = at(friday, 17, 59);
        let next = clock.spend(120, 120);
        assert!(next.starts_with("2013-11-12T09:"), "{next}");
        let mut last = next;
        for _ in 0..2000 {
            let now = clock.spend(30, 600);
            assert!(now > last, "{now} after {last}");
            let time = &now[11..16];
            assert!(
                ("09:00".."12:30").contains(&time) || ("14:00".."18:00").contains(&time),
                "{now}"
            );
            last = now;
        }
    }
}
