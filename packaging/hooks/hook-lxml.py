# Replaces the contrib hook for lxml, which collects every lxml submodule (objectify, html,
# isoschematron...). python-docx and openpyxl use lxml.etree only; its own hook
# (hook-lxml.etree, from pyinstaller-hooks-contrib) adds what lxml.etree imports from C.
hiddenimports = ["lxml.etree"]
