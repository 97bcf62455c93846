"""RSS 2.0 and Atom feeds of the published bulletin (django.contrib.syndication)."""

from django.contrib.syndication.views import Feed
from django.urls import reverse, reverse_lazy
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext_lazy as _

from . import selectors
from .models import Article

LATEST = 30


class BulletinFeed(Feed):
    title = _("Bản tin điện tử cải cách hành chính")
    link = reverse_lazy("outreach:bulletin")
    description = _("Tin, bài về cải cách thủ tục hành chính và cơ chế một cửa")

    def items(self) -> list[Article]:
        return selectors.published_articles()[:LATEST]

    def item_title(self, item: Article) -> str:
        return item.title

    def item_description(self, item: Article) -> str:
        return item.summary  # plain text; the feed framework escapes it

    def item_link(self, item: Article) -> str:
        return reverse("outreach:bulletin_article", args=[item.pk])

    def item_pubdate(self, item: Article):
        return item.publish_at

    def item_updateddate(self, item: Article):
        return item.updated_at

    def item_categories(self, item: Article) -> list[str]:
        return [item.category.name]

    def item_author_name(self, item: Article) -> str:
        return item.byline or item.agency.name


class BulletinAtomFeed(BulletinFeed):
    feed_type = Atom1Feed
    subtitle = BulletinFeed.description
