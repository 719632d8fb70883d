//! `mpnode new NAME`: a node project to start from.

use std::io;
use std::path::{Path, PathBuf};

/// Writes `dir/node.py` (a seed-style node named after `name`),
/// `dir/inputs.json` (an input to try it with) and `dir/README.md`.
/// Refuses to overwrite an existing `dir`.
///
/// # Errors
///
/// `dir` exists, or writing failed.
pub fn new_project(dir: &Path, name: &str) -> io::Result<Vec<PathBuf>> {
    if dir.exists() {
        return Err(io::Error::new(io::ErrorKind::AlreadyExists, format!("{} already exists; pick a new name", dir.display())));
    }
    let ident: String = name.chars().map(|c| if c.is_ascii_alphanumeric() { c.to_ascii_lowercase() } else { '_' }).collect();
    let friendly: String =
        ident.split('_').filter(|w| !w.is_empty()).map(|w| w[..1].to_uppercase() + &w[1..]).collect::<Vec<_>>().join(" ");
    std::fs::create_dir_all(dir)?;
    let node = format!(
        r#"# {friendly}: a Flow-Like node in Python, run by mpnode.
# Try it:   mpnode run node.py --inputs-file inputs.json
# Package:  mpnode build node.py -o {ident}.wasm


def get_node():
    return {{
        "name": "{ident}",
        "friendly_name": "{friendly}",
        "description": "Describe what {friendly} does",
        "category": "Custom/Python",
        "pins": [
            {{"name": "exec", "friendly_name": "Input", "description": "Starts the node",
             "pin_type": "Input", "data_type": "Execution"}},
            {{"name": "text", "friendly_name": "Text", "description": "The input text",
             "pin_type": "Input", "data_type": "String", "default_value": ""}},
            {{"name": "exec_out", "friendly_name": "Output", "description": "Fires when done",
             "pin_type": "Output", "data_type": "Execution"}},
            {{"name": "length", "friendly_name": "Length", "description": "Characters in the text",
             "pin_type": "Output", "data_type": "Integer"}},
        ],
    }}


def run(context):
    text = context["inputs"].get("text", "")
    return {{"outputs": {{"length": len(text)}}, "error": None}}
"#
    );
    let readme = format!(
        "# {friendly}\n\nA Flow-Like node written in Python, run by [mpnode](https://github.com/).\n\n\
         ```sh\nmpnode run node.py --inputs-file inputs.json   # try it\nmpnode build node.py -o {ident}.wasm     # module + flow-like.toml for Flow-Like\n```\n\n\
         `get_node()` describes the node's pins; `run(context)` gets `context[\"inputs\"]` and returns\n\
         `{{\"outputs\": {{...}}, \"error\": None}}`. Local modules next to `node.py` are packed with it.\n"
    );
    let files = [("node.py", node), ("inputs.json", "{\"text\": \"hello\"}\n".to_string()), ("README.md", readme)];
    let mut written = Vec::new();
    for (file, text) in files {
        let path = dir.join(file);
        std::fs::write(&path, text)?;
        written.push(path);
    }
    Ok(written)
}
