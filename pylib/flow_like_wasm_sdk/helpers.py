# flow_like_wasm_sdk.helpers (from `sdk`).
from sdk import humanize, node, NodeDefinition
