"""An article body the metadata tests share (our own writing)."""

BODY = [
    "The harbour authority approved a plan on Tuesday to dredge the inner basin for the first time in twenty years, "
    "clearing silt that has left fishing boats stranded at low tide.",
    "Work will begin in the autumn and take about six weeks, during which the slipway and the fish market will stay "
    "open, the authority said in a statement.",
    "Skippers welcomed the decision but said the delay had already cost them a season of early-morning landings.",
]
