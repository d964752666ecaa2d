//! Rules about reading files (IO...).

pub mod non_utf8_encoding;
pub mod unreadable_file;
