from sdk import *
from sdk import _mpnode_defs, _mpnode_run
