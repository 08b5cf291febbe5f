#!/usr/bin/env python3
"""Writes the web-extraction evaluation set: news pages in varied layouts, with what a careful
reader would take from each (expected text and metadata), into pages/.

The pages are generated from a seed so the set is reproducible; every page mixes a layout
family (wire story, liveblog, opinion, gallery, paywall teaser, page with comments, div soup,
table layout, ...) with a metadata style (JSON-LD @graph, plain JSON-LD, Open Graph only,
microdata, nothing but the visible byline and dateline) and an encoding. Nothing here is
used at run time.
"""
import html, json, os, random, sys

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "pages")
rng = random.Random(13)

OUTLETS = [("The Daily Courier", "courier.example"), ("Meridian Wire", "meridianwire.example"),
           ("The Gulf Ledger", "gulfledger.example"), ("Northern Gazette", "gazette.example"),
           ("Harbor Times", "harbortimes.example"), ("Le Quotidien", "quotidien.example")]
AUTHORS = ["Maria Lopez", "Tom Reed", "Aisha Karimi", "Jonas Weber", "Li Wei", "Ana Ruiz", "Samuel O'Neill",
           "Zoë Martin", "Kwame Mensah", "Hélène Dubois", "Priya Natarajan", "Ivan Petrov"]
PLACES = ["WASHINGTON", "LONDON", "TEHRAN", "BAGHDAD", "GENEVA", "PORT AVERY", "BRUSSELS", "NAIROBI"]
SUBJECTS = ["Senior officials", "The foreign ministry", "Two diplomats familiar with the talks", "Gen. Thomas E. Reyes",
            "Secretary of State Helen R. Marsh", "A spokesman for the delegation", "The central bank", "Opposition leaders",
            "Local residents", "Analysts at the institute", "The port authority", "Maj. Gen. Karim Haddad"]
VERBS = ["said on Monday", "told reporters on Tuesday", "warned in a statement", "argued at a briefing",
         "confirmed late on Wednesday", "insisted in an interview", "wrote in a memo seen by the newspaper",
         "denied on Thursday"]
CLAIMS = ["that the talks would resume next week in Geneva after a pause of three months",
          "that fees at the harbor had risen by 41% since January",
          "that no decision on sanctions had been taken yet",
          "that the tanker had entered territorial waters without permission",
          "that the ceasefire was holding despite reports of shelling near the border",
          "that the budget would be cut by $2.5 billion over two years",
          "that the U.S. president had approved an escort mission for commercial vessels",
          "that inflation had slowed to 3.1% in February, the lowest in a year",
          "that the election would go ahead as planned on March 29",
          "that the company had paid the fine but disputed the findings"]
TAILS = ["", " It was not immediately clear how the dispute would be resolved.",
         " Officials from both sides have met four times since January.",
         " The statement gave no further details.", " “We will not be drawn into this,” one official said.",
         " Shares fell 2% in early trading.", " The ministry declined to comment further."]
HEADLINES = ["Officials split over response to tanker seizure", "Talks to resume in Geneva after three-month pause",
             "Harbor fees up 41% since January, port authority says", "Ceasefire holds despite reports of shelling",
             "Budget cuts of $2.5 billion set off a fight in parliament", "Escort mission approved for commercial ships",
             "Inflation slows to lowest level in a year", "Election to go ahead on March 29, commission says",
             "Company pays fine but disputes findings", "Opposition rallies thousands in capital",
             "Why the harbor deal matters more than it seems", "Live: reactions to the summit as they happen"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]

def sentence():
    return f"{rng.choice(SUBJECTS)} {rng.choice(VERBS)} {rng.choice(CLAIMS)}.{rng.choice(TAILS)}"

def paragraphs(n):
    return [sentence() for _ in range(n)]

def nav():
    items = "".join(f'<li><a href="/{w.lower()}">{w}</a></li>' for w in ["World", "Politics", "Business", "Sport", "Opinion", "Video"])
    return rng.choice([f'<nav class="main-nav"><ul>{items}</ul></nav>', f'<div id="menu" class="menu"><ul>{items}</ul></div>',
                       f'<header class="site-header"><a class="logo" href="/">Home</a><ul class="nav">{items}</ul></header>',
                       f'<div class="topbar"><ul>{items}</ul></div>'])

def related():
    links = "".join(f'<li><a href="/story/{i}">{rng.choice(HEADLINES)}</a></li>' for i in range(4))
    return rng.choice([f'<aside class="related"><h3>Related</h3><ul>{links}</ul></aside>',
                       f'<div class="read-more"><h4>Read more</h4><ul>{links}</ul></div>',
                       f'<section><h2>More on this story</h2><ul>{links}</ul></section>',
                       f'<div><ul>{links}</ul></div>'])

def comments():
    items = "".join(f'<li class="comment"><span class="comment-author">reader{i}</span><p>{sentence()} I think this is all wrong and the government should explain itself.</p></li>' for i in range(3))
    return rng.choice([f'<section id="comments"><h2>Comments (3)</h2><ol class="comment-list">{items}</ol></section>',
                       f'<div class="disqus-thread"><ol>{items}</ol></div>'])

def furniture_bits():
    return {
        "cookie": '<div class="cookie-consent"><p>We use cookies to give you the best experience. By using this site you agree to our use of cookies.</p><button>OK</button></div>',
        "share": '<div class="share-buttons"><a href="#">Share on Facebook</a><a href="#">Share on X</a><a href="#">Email</a></div>',
        "ad": rng.choice(['<div class="ad-container"><p>Advertisement</p></div>', '<div class="advert">Advertisement</div>',
                          '<div id="div-gpt-ad-1" class="adslot"></div>', '<p class="ad-label">ADVERTISEMENT</p>']),
        "newsletter": '<div class="newsletter-signup"><h3>Sign up for our daily briefing</h3><p>Get the news that matters in your inbox every morning.</p><form><input type="email"><button>Subscribe</button></form></div>',
        "footer": '<footer class="site-footer"><p>© 2020 All rights reserved.</p><ul><li><a href="/privacy">Privacy</a></li><li><a href="/terms">Terms</a></li></ul></footer>',
    }

def iso(day, month, hour=None, zone="Z"):
    d = f"2020-{month:02d}-{day:02d}"
    return d if hour is None else f"{d}T{hour:02d}:{rng.choice([0, 15, 30, 45]):02d}:00{zone}"

def build(index):
    layout = ["wire", "liveblog", "opinion", "gallery", "paywall", "comments", "divsoup", "table", "wire", "analysis"][index % 10]
    meta_style = ["graph", "jsonld", "og", "microdata", "visible", "graph", "og", "jsonld"][index % 8]
    encoding = ["utf-8", "utf-8", "utf-8", "windows-1252", "utf-8", "iso-8859-1", "utf-8", "utf-8-nodecl"][index % 8]
    outlet, host = rng.choice(OUTLETS)
    authors = rng.sample(AUTHORS, rng.choice([1, 1, 2, 0 if layout == "wire" else 1]))
    headline = rng.choice(HEADLINES) + ("" if index < 12 else f" ({index})")
    day, month = rng.randint(1, 28), rng.randint(1, 12)
    hour = rng.choice([None, 9, 14, 21])
    zone = rng.choice(["Z", "-04:00", "+01:00"])
    published = iso(day, month, hour, zone)
    modified = iso(day, month, 23, zone) if hour is not None and rng.random() < 0.5 else None
    path = f"/world/2020/{month:02d}/{day:02d}/story-{index}"
    url = f"https://{host}{path}"
    lang = "fr" if outlet == "Le Quotidien" else rng.choice(["en", "en-US", "en-GB"])
    place = rng.choice(PLACES)
    body = paragraphs(rng.randint(4, 11))
    body[0] = f"{place} ({outlet}) — " + body[0] if layout in ("wire", "paywall", "table") else body[0]
    if encoding != "utf-8" and encoding != "utf-8-nodecl":
        body[1] = body[1] + " The café owner’s “best” offer was €5."
    if encoding == "utf-8-nodecl":
        body[1] = body[1] + " Zoë said: «déjà vu»."
    blocks = []       # html of the story body
    expected = []     # expected paragraphs
    f = furniture_bits()
    subheads = rng.random() < 0.5
    for i, p in enumerate(body):
        if layout == "paywall" and i >= 3:
            break
        if layout == "liveblog":
            t = f"{(9 + i) % 24:02d}:{rng.choice([5, 20, 40]):02d}"
            blocks.append(f'<article class="liveblog-entry"><time datetime="{iso(day, month, 9)}">{t}</time><h3>Update {i + 1}</h3><p>{html.escape(p)}</p><div class="share-buttons"><a href="#">Share</a></div></article>')
            expected += [f"Update {i + 1}", p]
            continue
        if layout == "divsoup":
            blocks.append(html.escape(p) + "<br><br>\n")
            expected.append(p)
            continue
        if subheads and i == 3:
            h = rng.choice(["What happens next", "A debate over force", "Background", "The numbers"])
            blocks.append(f"<h2>{h}</h2>")
            expected.append(h)
        if i == 2 and rng.random() < 0.5:
            q = "“" + rng.choice(CLAIMS).capitalize() + ",” the memo said."
            blocks.append(f"<blockquote><p>{html.escape(q)}</p></blockquote>")
            expected.append(q)
        if i == 4 and rng.random() < 0.4:
            items = ["new sanctions on the shipping company;", "an escort mission for commercial vessels;", "talks with the port authority."]
            blocks.append("<p>Options under discussion include:</p><ul>" + "".join(f"<li>{x}</li>" for x in items) + "</ul>")
            expected += ["Options under discussion include:"] + items
        link = rng.random() < 0.3
        text = html.escape(p)
        if link:
            words = text.split(" ")
            k = min(3, len(words) - 1)
            text = " ".join(words[:k]) + f' <a href="/topic/{index}">' + " ".join(words[k:k + 3]) + "</a> " + " ".join(words[k + 3:])
        blocks.append(f"<p>{text}</p>")
        expected.append(p)
        if i == 1:
            blocks.append(f["ad"])
        if i == 2 and layout == "gallery":
            blocks.append('<div class="gallery"><figure><img src="a.jpg"><figcaption>Protesters gather outside the ministry on Monday. (Reuters)</figcaption></figure><figure><img src="b.jpg"><figcaption>Police block a road near the harbor. REUTERS/Staff</figcaption></figure><button>Next</button></div>')
    if layout == "paywall":
        blocks.append('<div class="paywall"><h3>This article is for subscribers</h3><p>Subscribe now for unlimited access to all our journalism, from just $1 a week.</p><a href="/subscribe">Subscribe</a></div>')
    caption = '<figure class="lead-image"><img src="lead.jpg"><figcaption>US President Donald Trump. (Reuters)</figcaption></figure>' if rng.random() < 0.6 else ""
    byline_html = ""
    if authors:
        names = " and ".join(f'<a rel="author" href="/staff/{a.split()[0].lower()}">{html.escape(a)}</a>' if meta_style != "microdata" else f'<span itemprop="author" itemscope itemtype="https://schema.org/Person"><span itemprop="name">{html.escape(a)}</span></span>' for a in authors)
        byline_html = rng.choice([f'<div class="byline">By {names}</div>', f'<p class="author-line">By {names}</p>', f'<span class="byline__names">By {names}</span>'])
    human_date = f"{MONTHS[month - 1]} {day}, 2020"
    date_html = f'<time datetime="{published}" {"itemprop=datePublished" if meta_style == "microdata" else ""}>{human_date}</time>' if meta_style != "visible" or rng.random() < 0.5 else f'<p class="dateline">{human_date}</p>'
    # Metadata in the head.
    head = [f'<title>{html.escape(headline)} | {html.escape(outlet)}</title>']
    people = [{"@type": "Person", "name": a} for a in authors]
    if meta_style == "graph":
        graph = [{"@type": "WebSite", "@id": f"https://{host}/#website", "name": outlet, "url": f"https://{host}/"},
                 {"@type": "Organization", "@id": f"https://{host}/#org", "name": outlet},
                 {"@type": "BreadcrumbList", "itemListElement": [{"@type": "ListItem", "position": 1, "name": "World"}]}]
        for n, a in enumerate(authors):
            graph.append({"@type": "Person", "@id": f"https://{host}/#p{n}", "name": a})
        art = {"@type": rng.choice(["NewsArticle", ["NewsArticle", "ReportageNewsArticle"], "OpinionNewsArticle" if layout == "opinion" else "NewsArticle"]),
               "headline": headline, "datePublished": published, "publisher": {"@id": f"https://{host}/#org"},
               "author": [{"@id": f"https://{host}/#p{n}"} for n in range(len(authors))], "mainEntityOfPage": {"@id": url},
               "inLanguage": lang}
        if modified: art["dateModified"] = modified
        if layout == "liveblog": art["@type"] = "LiveBlogPosting"
        graph.append(art)
        head.append(f'<script type="application/ld+json">{json.dumps({"@context": "https://schema.org", "@graph": graph}, ensure_ascii=False)}</script>')
    elif meta_style == "jsonld":
        art = {"@context": "https://schema.org", "@type": "NewsArticle", "headline": headline, "datePublished": published,
               "author": people[0] if len(people) == 1 else people, "publisher": {"@type": "Organization", "name": outlet, "logo": {"@type": "ImageObject", "url": "/logo.png"}},
               "url": url}
        if modified: art["dateModified"] = modified
        head.append(f'<script type="application/ld+json">{json.dumps([{"@context": "https://schema.org", "@type": "BreadcrumbList"}, art], ensure_ascii=False)}</script>')
    if meta_style in ("og", "graph", "jsonld"):
        head += [f'<meta property="og:title" content="{html.escape(headline)}">', f'<meta property="og:site_name" content="{html.escape(outlet)}">',
                 f'<meta property="og:url" content="{url}">', f'<meta property="article:published_time" content="{published}">']
        if modified: head.append(f'<meta property="article:modified_time" content="{modified}">')
        if authors and meta_style == "og": head.append(f'<meta name="author" content="{html.escape(", ".join(authors))}">')
    if meta_style != "visible" or rng.random() < 0.5:
        head.append(f'<link rel="canonical" href="{path if rng.random() < 0.3 and meta_style != "visible" and meta_style != "microdata" else url}">')
    expected_url = url if any(h.startswith('<link rel="canonical"') for h in head) or meta_style in ("og", "graph", "jsonld") else None
    if expected_url is None: pass
    elif any(f'href="{path}"' in h for h in head) and meta_style not in ("og", "graph", "jsonld"): expected_url = None
    expected_published = published if meta_style != "visible" or "<time" in date_html else f"2020-{month:02d}-{day:02d}"
    expected_modified = modified if meta_style in ("og", "graph", "jsonld") else None
    charset = {"utf-8": '<meta charset="utf-8">', "windows-1252": '<meta charset="windows-1252">',
               "iso-8859-1": '<meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1">', "utf-8-nodecl": ""}[encoding]
    lang_attr = f' lang="{lang}"' if meta_style != "visible" or rng.random() < 0.7 else ""
    expected_lang = lang if lang_attr or meta_style == "graph" else None
    article_class = rng.choice(["article-body", "story-body", "entry-content", "c-article__body", "css-53u6y8", "body-text", "text"])
    container = rng.choice(["article", "div", "main", "section"])
    if layout == "table":
        main = f'<table width="100%"><tr><td class="sidebar" width="20%">{related()}</td><td><h1>{html.escape(headline)}</h1>{byline_html}{date_html}{"".join(blocks)}</td></tr></table>'
    else:
        lead = caption + f["share"]
        title_html = f'<h1 class="headline" {"itemprop=headline" if meta_style == "microdata" else ""}>{html.escape(headline)}</h1>'
        dek = ""
        main = (f'<{container} class="story" {"itemscope itemtype=https://schema.org/NewsArticle" if meta_style == "microdata" else ""}>'
                f'<header class="article-header">{title_html}{byline_html}{date_html}</header>' if rng.random() < 0.5 else
                f'<{container} class="story">{title_html}{byline_html}{date_html}')
        main += lead + f'<div class="{article_class}">' + "".join(blocks) + "</div>"
        if layout == "opinion":
            main += '<div class="author-bio"><p>Tom Reed is a columnist at the paper and a former diplomat who writes about the region.</p></div>'
        main += f["share"] + f'</{container}>'
    page_parts = ["<!DOCTYPE html>", f"<html{lang_attr}>", "<head>", charset, *head, "</head>", "<body>",
                  f["cookie"] if rng.random() < 0.5 else "", nav(), "<main>" if container != "main" else "", main,
                  related() if rng.random() < 0.8 else "", comments() if layout in ("comments", "opinion") or rng.random() < 0.2 else "",
                  f["newsletter"] if rng.random() < 0.4 else "", "</main>" if container != "main" else "", f["footer"], "</body></html>"]
    page = "\n".join(x for x in page_parts if x)
    if index % 7 == 6:
        # A page built by a CSS-in-JS framework: no class name means anything, furniture is plain divs.
        import re as _re
        page = _re.sub(r'class="[^"]*"', lambda m: f'class="css-{rng.randint(1000, 9999)}x"', page)
        page = _re.sub(r'id="[^"]*"', lambda m: f'id="r{rng.randint(10, 99)}"', page)
        for tag in ("nav", "aside", "footer", "header", "section"):
            page = page.replace(f"<{tag} ", "<div ").replace(f"<{tag}>", "<div>").replace(f"</{tag}>", "</div>")
    codec = {"utf-8": "utf-8", "utf-8-nodecl": "utf-8", "windows-1252": "cp1252", "iso-8859-1": "cp1252"}[encoding]
    data = page.encode(codec)
    expected_obj = {"title": headline, "byline": ", ".join(authors) if authors else None, "published": expected_published,
                    "modified": expected_modified, "site": outlet if meta_style != "visible" and meta_style != "microdata" else outlet,
                    "url": expected_url, "language": expected_lang, "text": "\n\n".join([headline] + expected) + "\n",
                    "layout": layout, "metadata": meta_style, "encoding": encoding}
    suffix = "-obfuscated" if index % 7 == 6 else ""
    return f"{index:02d}-{layout}-{meta_style}{suffix}", data, expected_obj

def main():
    os.makedirs(OUT, exist_ok=True)
    for old in os.listdir(OUT): os.remove(os.path.join(OUT, old))
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 56
    for i in range(count):
        name, data, expected = build(i)
        with open(os.path.join(OUT, name + ".html"), "wb") as f: f.write(data)
        with open(os.path.join(OUT, name + ".expected.json"), "w", encoding="utf-8") as f:
            json.dump(expected, f, ensure_ascii=False, indent=1, sort_keys=True)
    print(f"wrote {count} pages to {OUT}")

main()
