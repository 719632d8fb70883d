//! `mpnode new NAME`: a node project to start from.

use std::io;
use std::path::{Path, PathBuf};

/// Writes a project a Python author recognises: `dir/pyproject.toml`
/// (`[tool.mpnode]` with the build options, pytest as a dev dependency),
/// `dir/node.py` (a seed-style node named after `name`),
/// `dir/tests/test_node.py` (passes under `mpnode test` and plain pytest),
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
    std::fs::create_dir_all(dir.join("tests"))?;
    let node = format!(
        r#"# {friendly}: a Flow-Like node in Python, run by mpnode.
# Try it:   mpnode run node.py --inputs-file inputs.json
# Test it:  mpnode test        (tests/ under pytest, every call in the module)
# Package:  mpnode build       (options in pyproject.toml, [tool.mpnode])


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
        "# {friendly}\n\nA Flow-Like node written in Python, built and run by mpnode.\n\n\
         ```sh\nmpnode run node.py --inputs-file inputs.json   # try it\n\
         mpnode test                                    # tests/ under pytest, each node call inside the built module\n\
         mpnode test --compare                          # ... and under CPython: any difference fails\n\
         mpnode build                                   # {ident}.wasm + flow-like.toml for Flow-Like\n```\n\n\
         `get_node()` describes the node's pins; `run(context)` gets `context[\"inputs\"]` and returns\n\
         `{{\"outputs\": {{...}}, \"error\": None}}`. Local modules next to `node.py` are packed with it.\n\
         Build options live in `pyproject.toml` under `[tool.mpnode]`.\n"
    );
    let pyproject = format!(
        "[project]\nname = \"{ident}\"\nversion = \"0.1.0\"\ndescription = \"{friendly}: a Flow-Like node in Python\"\n\
         requires-python = \">=3.11\"\n\n[dependency-groups]\ndev = [\"pytest>=7\"]\n\n\
         [tool.mpnode]\nnode = \"node.py\"\noutput = \"{ident}.wasm\"\n# heap = \"4MiB\"        # GC heap cap\n\
         # with-compiler = true  # for exec()/eval()\nmemory-tier = \"minimal\"\ntimeout-tier = \"standard\"\n\n\
         [tool.pytest.ini_options]\ntestpaths = [\"tests\"]\n"
    );
    let test = format!(
        r#""""Tests for {friendly}. `mpnode test` runs them with every call of
`run` and `get_node` inside the built module; `pytest` alone runs them
under CPython."""

from node import get_node, run


def test_definition_names_the_pins():
    definition = get_node()
    assert definition["name"] == "{ident}"
    names = [pin["name"] for pin in definition["pins"]]
    assert names == ["exec", "text", "exec_out", "length"]


def test_counts_characters():
    result = run({{"inputs": {{"text": "héllo"}}}})
    assert result["error"] is None
    assert result["outputs"] == {{"length": 5}}


def test_missing_input_counts_zero():
    assert run({{"inputs": {{}}}})["outputs"]["length"] == 0
"#
    );
    let files = [
        ("pyproject.toml", pyproject),
        ("node.py", node),
        ("tests/test_node.py", test),
        ("inputs.json", "{\"text\": \"hello\"}\n".to_string()),
        ("README.md", readme),
        (".gitignore", ".mpnode/\n*.wasm\nflow-like.toml\n__pycache__/\n".to_string()),
    ];
    let mut written = Vec::new();
    for (file, text) in files {
        let path = dir.join(file);
        std::fs::write(&path, text)?;
        written.push(path);
    }
    Ok(written)
}
