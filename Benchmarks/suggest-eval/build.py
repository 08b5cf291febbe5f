#!/usr/bin/env python3
"""Turns the hand-written articles and annotations in source/ into articles.json.

Annotations are written as the words of each span (see README.md); this script only finds
where those words are: a content span at its first occurrence after the previous
attribution's content, a source or cue at the occurrence nearest its content
(in the content's paragraph when it occurs there). Offsets are
code points (Python str indices) of the NFC text, end exclusive. Any span it cannot find
stops the build with the article and the words.
"""
import json, re, sys, unicodedata
from pathlib import Path

here = Path(__file__).parent

def sections(path):
    parts = re.split(r'^=== (\d+)(?: (\S+))?\n', path.read_text(encoding='utf-8'), flags=re.M)
    for i in range(1, len(parts), 3):
        yield parts[i], parts[i + 1], parts[i + 2]

articles = {}
for path in sorted((here / 'source').glob('articles-*.txt')):
    for number, name, body in sections(path):
        text = unicodedata.normalize('NFC', body.strip() + '\n')
        articles[number] = {'id': f'{number}-{name}', 'split': 'test' if int(number) >= 18 else 'dev', 'text': text,
                            'attributions': []}

def occurrences(text, words):
    return [m.start() for m in re.finditer(re.escape(words), text)]

def nearest(text, words, hull, article):
    found = occurrences(text, words)
    if not found:
        sys.exit(f'{article}: cannot find {words!r}')
    def paragraph(offset):
        return text.count('\n\n', 0, offset)
    same = [s for s in found if paragraph(s) == paragraph(hull[0])]
    found = same or found
    def distance(start):
        end = start + len(words)
        if end <= hull[0]: return hull[0] - end
        if start >= hull[1]: return start - hull[1]
        return 0
    start = min(found, key=lambda s: (distance(s), s))
    return [start, start + len(words)]

for path in sorted((here / 'source').glob('gold-*.txt')):
    for number, _, body in sections(path):
        article = articles[number]
        text = article['text']
        floor = 0
        for block in body.strip().split('\n\n'):
            fields = {}
            for line in block.strip().splitlines():
                key, _, value = line.partition(': ')
                fields[key] = unicodedata.normalize('NFC', value.strip())
            content = []
            for fragment in fields['C'].split(' | '):
                starts = [s for s in occurrences(text, fragment) if s >= floor] or occurrences(text, fragment)
                if not starts:
                    sys.exit(f'{article["id"]}: cannot find content {fragment!r}')
                content.append([starts[0], starts[0] + len(fragment)])
            floor = content[0][0]
            hull = (content[0][0], content[-1][1])
            source = [nearest(text, fields['S'], hull, article['id'])] if 'S' in fields else None
            cue = [nearest(text, c, hull, article['id']) for c in fields['Q'].split(' | ')] if 'Q' in fields else None
            claimant = fields.get('N', fields.get('S'))
            via = fields['V'].split(' | ') if 'V' in fields else []
            article['attributions'].append({'content': content, 'source': source, 'cue': cue,
                                            'claimant': claimant, 'via': via})

out = {'format': 'claimdesk.suggest-eval', 'version': 1,
       'articles': [articles[k] for k in sorted(articles)]}
(here / 'articles.json').write_text(json.dumps(out, ensure_ascii=False, indent=1) + '\n', encoding='utf-8')
total = sum(len(a['attributions']) for a in out['articles'])
print(f'{len(out["articles"])} articles, {total} attributions')
