//! Rules about reading files (IO...).

pub mod non_utf8_encoding;
pub mod too_large_file;
pub mod unreadable_file;
