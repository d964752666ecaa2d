//! Markdown body rules (MK...).

pub mod emphasis_as_heading;
pub mod invisible_character;
pub mod missing_final_newline;
pub mod stray_emphasis_marker;
pub mod trailing_whitespace;
pub mod unused_disable_comment;
