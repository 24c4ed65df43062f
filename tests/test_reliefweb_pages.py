"""Saved web pages read into documents: report pages saved from the ReliefWeb site (in the site's
report markup: the title heading, the Source / Posted / Originally published list, the content
block, the page's menus and attachment list around them) and ordinary news pages. The pages are
written here; their sentences are the tests' own."""

import pytest

from pipeline.extraction import extract
from pipeline.readers import read_document, read_inbox


def reliefweb_page(title, sources, posted, published, paragraphs, country="Haiti", extra_meta=""):
    """A report page in ReliefWeb's markup: `sources` as (link text, full name) pairs."""
    items = "".join(
        f'<li class="rw-entity-meta__tag-value__list__item"><a href="/organization/{short.lower()}" '
        f'class="rw-entity-meta__tag-link" title="{name}">{short}</a></li>' for short, name in sources)
    published_block = "" if published is None else (
        '<dt class="rw-entity-meta__tag-label rw-entity-meta__tag-label--published">Originally published</dt>'
        '<dd class="rw-entity-meta__tag-value rw-entity-meta__tag-value--published rw-entity-meta__tag-value--date '
        f'rw-entity-meta__tag-value--last"><time datetime="{published}T00:00:00+00:00">{published}</time></dd>')
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return f"""<!DOCTYPE html><html lang="en"><head>
<meta charset="utf-8"><title>{title} - {country} | ReliefWeb</title>
<meta property="og:site_name" content="ReliefWeb"><meta property="og:title" content="{title} - {country}">
<meta property="article:published_time" content="{posted}T10:00:00+00:00">
<link rel="canonical" href="https://reliefweb.int/report/{country.lower()}/sample-report">{extra_meta}
</head><body>
<header class="cd-header"><nav class="cd-nav"><ul><li><a href="/updates">Updates</a></li><li><a href="/countries">Countries</a></li>
<li><a href="/disasters">Disasters</a></li><li><a href="/organizations">Organizations</a></li><li><a href="/jobs">Jobs</a></li></ul></nav></header>
<main><article class="rw-article rw-report">
<header class="rw-article__header rw-article__header--with-meta">
<div class="rw-entity-country-slug"><a class="rw-entity-country-slug__link" href="/country/x">{country}</a></div>
<h1 class="rw-article__title rw-page-title">{title}</h1>
<footer class="rw-entity-meta rw-entity-meta--core"><dl class="rw-entity-meta__tag-list">
<dt class="rw-entity-meta__tag-label rw-entity-meta__tag-label--format">Format</dt>
<dd class="rw-entity-meta__tag-value rw-entity-meta__tag-value--format">Situation Report</dd>
<dt class="rw-entity-meta__tag-label rw-entity-meta__tag-label--source">Source</dt>
<dd class="rw-entity-meta__tag-value rw-entity-meta__tag-value--source"><ul class="rw-entity-meta__tag-value__list">{items}</ul></dd>
<dt class="rw-entity-meta__tag-label rw-entity-meta__tag-label--posted">Posted</dt>
<dd class="rw-entity-meta__tag-value rw-entity-meta__tag-value--posted rw-entity-meta__tag-value--date"><time datetime="{posted}T10:00:00+00:00">{posted}</time></dd>
{published_block}</dl></footer></header>
<div class="rw-report__content">{body}</div>
<section class="rw-attachment"><h2>Attachments</h2><ul><li><a href="/attachments/x/report.pdf">Download Report (PDF | 300.12 KB)</a></li></ul></section>
<footer class="rw-entity-meta rw-entity-meta--details"><dl class="rw-entity-meta__tag-list">
<dt class="rw-entity-meta__tag-label rw-entity-meta__tag-label--primary-country">Primary country</dt>
<dd class="rw-entity-meta__tag-value rw-entity-meta__tag-value--primary-country">{country}</dd>
<dt class="rw-entity-meta__tag-label rw-entity-meta__tag-label--theme">Themes</dt>
<dd class="rw-entity-meta__tag-value rw-entity-meta__tag-value--theme"><ul><li>Health</li><li>Shelter and Non-Food Items</li></ul></dd>
</dl></footer></article></main>
<footer class="cd-footer"><p>ReliefWeb is a service provided by OCHA. Terms of use. Privacy policy. Copyright notice.</p></footer>
</body></html>"""


FLOOD_PAGE = reliefweb_page(
    "Coastal floods - Flash Update No. 3", [("OCHA", "UN Office for the Coordination of Humanitarian Affairs")],
    "2025-11-04", "2025-11-03",
    ["Heavy rain since 30 October has flooded the lower districts of the southern coast.",
     "At least 27 people were killed and 140 others were injured, according to the civil protection authorities.",
     "Some 9,500 people have been displaced and are sheltering in 41 schools and churches."],
)


def test_a_reliefweb_report_page_gives_its_title_date_publisher_and_body(tmp_path):
    path = tmp_path / "flash-update-3.html"
    path.write_text(FLOOD_PAGE)
    doc = read_document(path)
    assert doc.title == "Coastal floods - Flash Update No. 3"
    assert doc.published.isoformat() == "2025-11-03"  # originally published, not posted
    assert doc.source == "UN Office for the Coordination of Humanitarian Affairs"
    assert doc.country == "HTI"
    assert doc.url == "https://reliefweb.int/report/haiti/sample-report"
    assert "At least 27 people were killed" in doc.body
    for furniture in ("Organizations", "Download Report", "Terms of use", "Originally published", "Themes"):
        assert furniture not in doc.body
    found = {(r["text"], r["metric"]) for r in extract(doc)}
    assert {("At least 27", "killed"), ("140", "injured"), ("Some 9,500", "displaced")} <= found


def test_a_report_of_several_organisations_names_them_all_and_never_reliefweb():
    page = reliefweb_page(
        "Cholera outbreak - Situation Report No. 8",
        [("WHO", "World Health Organization"), ("MoH", "Ministry of Health"), ("UNICEF", "UN Children's Fund")],
        "2025-12-10", None,
        ["The ministry has recorded 1,204 suspected cases and 37 deaths since the start of the outbreak.",
         "Two treatment centres opened in the capital during the week."],
        country="Ethiopia",
    )
    import pipeline.readers.html as html

    [doc] = html.read(page.encode(), "sitrep-8.html").documents
    assert doc.source == "World Health Organization; Ministry of Health; UN Children's Fund"
    assert "ReliefWeb" not in (doc.source or "")
    assert doc.published.isoformat() == "2025-12-10"  # no original date: the posted one
    assert (doc.title, doc.country) == ("Cholera outbreak - Situation Report No. 8", "ETH")


def test_a_source_listed_by_its_name_alone_is_read_from_the_list_item():
    page = FLOOD_PAGE.replace('title="UN Office for the Coordination of Humanitarian Affairs"', "")
    import pipeline.readers.html as html

    [doc] = html.read(page.encode(), "flash.html").documents
    assert doc.source == "OCHA"


def test_an_ordinary_news_page_takes_its_site_as_publisher_and_never_its_author(tmp_path):
    page = """<html><head><title>Landslide buries homes in hill district | Daily Courier</title>
<meta property="og:site_name" content="Daily Courier"><meta name="author" content="Maria Lopez">
<meta property="og:title" content="Landslide buries homes in hill district">
<meta property="article:published_time" content="2025-09-14T08:30:00Z"></head>
<body><nav>Home | World | Sport | Subscribe</nav><article><h1>Landslide buries homes in hill district</h1>
<p class="byline">By Maria Lopez</p>
<p>Rescuers said on Sunday that 16 people had died after a landslide buried a village in the hill district overnight.</p>
<p>About 300 residents were evacuated to a school in the valley, local officials said.</p></article>
<footer>Newsletter | Contact | Advertise</footer></body></html>"""
    path = tmp_path / "landslide.html"
    path.write_text(page)
    doc = read_document(path)
    assert (doc.title, doc.published.isoformat(), doc.source) == ("Landslide buries homes in hill district", "2025-09-14", "Daily Courier")
    assert all(r["attributed_to"] != "Maria Lopez" for r in extract(doc))
    assert "Subscribe" not in doc.body and "Advertise" not in doc.body


def test_saved_report_pages_in_the_inbox_are_documents_with_their_metadata(tmp_path):
    (tmp_path / "a.html").write_text(FLOOD_PAGE)
    other = reliefweb_page(
        "Drought response - Bulletin, November", [("WFP", "World Food Programme")], "2025-11-20", "2025-11-18",
        ["Food distributions reached 62,000 people in the northern provinces in November.",
         "Rainfall remained below average for the third month in a row."], country="Kenya")
    (tmp_path / "b.htm").write_text(other)
    documents, rejections = read_inbox(tmp_path)
    assert not rejections
    assert sorted((d.source, d.country, d.published.isoformat()) for d in documents) == [
        ("UN Office for the Coordination of Humanitarian Affairs", "HTI", "2025-11-03"),
        ("World Food Programme", "KEN", "2025-11-18"),
    ]


def test_a_report_page_with_an_empty_content_block_is_rejected_with_the_reason():
    import pytest

    import pipeline.readers.html as html
    from pipeline.documents import DocumentError

    page = reliefweb_page("Map: flood extent", [("OCHA", "UN Office for the Coordination of Humanitarian Affairs")],
                          "2025-11-04", None, [])
    with pytest.raises(DocumentError) as err:
        html.read(page.encode(), "map.html")
    assert err.value.check == "html_main_text"


@pytest.mark.parametrize(
    ("country", "iso3"),
    [
        ("occupied Palestinian territory", "PSE"),
        ("Iran (Islamic Republic of)", "IRN"),
        ("Democratic Republic of the Congo", "COD"),
    ],
)
def test_a_primary_country_in_reliefweb_spelling_gives_its_iso3(country, iso3):
    import pipeline.readers.html as html

    page = reliefweb_page(
        "Floods: flash update", [("OCHA", "UN Office for the Coordination of Humanitarian Affairs")], "2024-05-03", "2024-05-02",
        ["Heavy rains displaced about 4,000 people in the lowlands, the authorities said."], country=country,
    )
    [doc] = html.read(page.encode(), "flash.html").documents
    assert doc.country == iso3
