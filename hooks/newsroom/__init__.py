"""The newsroom: content model, page generation and editor CLI of the Digital Transformation column."""
