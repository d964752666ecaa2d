//! `[site]` in `frontlint.toml`: where a site's files live and how its
//! generator turns them into URLs and heading ids. Read by the offline link
//! rules (LK007, LK008); `[links]` belongs to the online checker.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::slug::SlugStyle;

/// The table as written.
#[derive(Debug, Clone, Default, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct SiteConfig {
    /// The folder root-relative links (`/docs/x/`) start from, relative to
    /// the config's folder. Default: the config's folder.
    pub root: Option<String>,
    /// Which generator builds the site: its conventions for page URLs,
    /// heading ids and generated pages. Default: detected from the root.
    pub generator: Option<Generator>,
    /// How heading ids are made (default: the generator's).
    pub slug_style: Option<SlugStyle>,
    /// The generator's own config file (`_config.yml`, `hugo.toml`),
    /// relative to this config's folder; by default the one at the root.
    /// Its permalinks, folders and heading-id settings are used unless set
    /// here.
    pub generator_config: Option<String>,
    /// Hugo: the folder holding pages, relative to the root.
    pub content: Option<String>,
    /// Folders whose files are served at the site root (Hugo's `static`).
    #[serde(rename = "static")]
    pub static_dirs: Option<Vec<String>>,
    /// Glob of files (relative to the root) = URL pattern, first match wins.
    #[schemars(with = "Option<std::collections::BTreeMap<String, String>>")]
    pub permalinks: Option<toml::Table>,
    /// URL globs of pages made at build time (feeds, tag pages...): links to
    /// them are never reported missing.
    pub generated: Option<Vec<String>>,
    /// A path prefix the site is served under (`/blog`), dropped from
    /// root-relative links before looking them up.
    pub baseurl: Option<String>,
    /// Whether the host tells `Guide.md` from `guide.md` (GitHub, most web
    /// servers: yes; IIS, Azure and Microsoft Learn: no). Default: true.
    pub case_sensitive: Option<bool>,
    /// Server redirects, `"/old/*" = "/new/:splat"` (as in a Netlify
    /// `_redirects` file, which is also read when the site has one).
    #[schemars(with = "Option<std::collections::BTreeMap<String, String>>")]
    pub redirects: Option<toml::Table>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum Generator {
    /// Look at the root: `_config.yml` means Jekyll, `hugo.toml` (or a
    /// `config.toml` next to a `content/` folder) means Hugo, a `config.toml`
    /// with `base_url` means Zola.
    Auto,
    /// Files are served as they are (GitHub, most static hosts).
    Plain,
    Jekyll,
    Hugo,
    Zola,
}

impl Generator {
    pub fn name(self) -> &'static str {
        match self {
            Generator::Auto => "auto",
            Generator::Plain => "plain",
            Generator::Jekyll => "jekyll",
            Generator::Hugo => "hugo",
            Generator::Zola => "zola",
        }
    }
}
