//! Deadlines: Belgian working days and the clocks of a case.

pub mod kalender;
pub mod model;
pub mod regels;
