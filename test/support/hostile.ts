/** Text an attacker could put in a title, flair, body, comment or model output. */
export const HOSTILE = {
  title: 'Pwn <script>alert(1)</script> <img src=x onerror=alert(2)> | col | [click](javascript:alert(3)) \u202Egnp.exe\u202C\nnext',
  flair: 'x | y <b onmouseover=alert(4)>',
  body: '# Heading\n\n<iframe src="javascript:alert(5)"></iframe> [x](javascript:alert(6)) ![i](https://evil.example/p.png) **bold** `code` | a | b |',
  comment: '<svg onload=alert(7)> [phish](https://evil.example) \u202Ereversed',
  model: '<script>alert(8)</script> See [this](javascript:alert(9)) and [that](https://evil.example) and [ok](https://www.reddit.com/comments/h0st1le).',
};
