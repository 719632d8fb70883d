# flow_like_wasm_sdk.host: the host bridge (from `sdk`).
from sdk import HostBridge, MockHostBridge, set_host, get_host
