"""Cross-document steps: they need to see many documents before they can
decide about one (template lines, later dedup).

Each is written as map → group by key → reduce, so that the same code runs in
one process, a local pool or on Ray, with identical output: a pure function of
one document emits keys, an index object adds them up and merges with other
indexes in any order, and a :class:`~cleaner.steps.Stripper` built on the
finished index does the per-document work in the normal pass.
"""

from .templates import TemplateConfig, TemplateIndex, TemplateStripper, build_index, template_keys

__all__ = ["TemplateConfig", "TemplateIndex", "TemplateStripper", "build_index", "template_keys"]
