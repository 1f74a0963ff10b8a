"""Running the map side of a run in parallel: one process, a local process
pool, or Ray, with the same tasks and the same output.

* :mod:`.executor`: :class:`SerialExecutor`, :class:`ProcessExecutor`
  (ordered, streaming, bounded in-flight), :func:`make_executor`;
* :mod:`.ray_engine`: :class:`RayExecutor` (optional extra ``ray``);
* :mod:`.work`: the template and clean passes as tasks over input files, and
  :func:`parallel_documents`, the driver;
* :mod:`.remote`: inputs as paths or fsspec URLs;
* :mod:`.progress`: the progress line on a terminal.
"""

from .executor import Executor, ProcessExecutor, SerialExecutor, available_cores, make_executor
from .progress import Progress
from .work import parallel_documents

__all__ = ["Executor", "ProcessExecutor", "SerialExecutor", "available_cores", "make_executor", "Progress", "parallel_documents"]
