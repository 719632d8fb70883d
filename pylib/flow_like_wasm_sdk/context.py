# flow_like_wasm_sdk.context: Context (from `sdk`).
from sdk import Context, HostBridge, ExecutionInput, ExecutionResult, LogLevel
