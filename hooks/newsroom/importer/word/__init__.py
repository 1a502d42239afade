"""`newsroom import-word`: a Word document (.docx) → a news article bundle.

The steps, one module each: `convert` opens the document and turns it into HTML with mammoth
(the document's core properties read beside it), `images` saves the document's pictures with safe
names (converted with Pillow where the site cannot show the format, skipped with a warning where
nothing can), `markdown` cleans that HTML (invisible characters, Word's internal anchors, heading
levels, typed bullets) and writes Markdown with markdownify, and `bundle` composes the front matter,
checks the result with the content schema and writes `articles/news/<year>/<slug>/`.
mammoth and markdownify are imported only by this command.
"""
