# flow_like_wasm_sdk.types: the definition and result types (from `sdk`).
from sdk import ABI_VERSION, LogLevel, PinType, NodeScores, PinDefinition, NodeDefinition, PackageNodes
from sdk import ExecutionInput, ExecutionResult, _humanize
