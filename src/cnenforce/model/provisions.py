"""Provisions of legal instruments, and the role a case cites them in."""

from __future__ import annotations

import attrs

from cnenforce.errors import FieldError
from cnenforce.model._fields import instance_of, optional_article_number, optional_identifier, optional_text
from cnenforce.vocabulary import ProvisionRole

__all__ = ["CitedProvision", "Provision"]


@attrs.frozen(kw_only=True)
class Provision:
    """A reference to a legal instrument, optionally down to article, paragraph and item.

    ``Provision(instrument="csl", article=21, item=5)`` is "Article 21(5) of the Cybersecurity
    Law"; with ``article=None`` it names the whole instrument ("the relevant provisions of the
    Cybersecurity Law"). ``instrument`` is ``None`` for an instrument that is not in the
    catalogue, which is then known only by ``title`` as written. To write one as a citation,
    use :func:`cnenforce.citations.cite`.
    """

    instrument: str | None = attrs.field(default=None, validator=optional_identifier)
    """Catalogue id of the instrument (``"csl"``), or ``None`` when unresolved."""
    article: int | None = attrs.field(default=None, validator=optional_article_number)
    """Article number, at most :data:`~cnenforce.model.MAX_ARTICLE` (as are paragraph and item)."""
    paragraph: int | None = attrs.field(default=None, validator=optional_article_number)
    """Paragraph (款) within the article."""
    item: int | None = attrs.field(default=None, validator=optional_article_number)
    """Item (项) within the article or paragraph."""
    version: str | None = attrs.field(default=None, validator=optional_identifier)
    """Id of the instrument's text the numbers refer to (``"2016"``), where it is known."""
    title: str | None = attrs.field(default=None, validator=optional_text)
    """The instrument's title as written, required when ``instrument`` is ``None``."""

    def __attrs_post_init__(self) -> None:
        if self.instrument is None and self.title is None:
            raise FieldError("instrument", "a provision needs an instrument id or, if unresolved, a title")
        if self.article is None and (self.paragraph is not None or self.item is not None):
            raise FieldError("article", "a paragraph or item needs an article")

    @property
    def is_resolved(self) -> bool:
        """Whether the instrument is in the catalogue."""
        return self.instrument is not None

    def within(self, other: Provision) -> bool:
        """Whether this provision is *other* or a part of it.

        Article 21(5) is within Article 21 and within the whole instrument; versions must agree
        where both are given.

        >>> Provision(instrument="csl", article=21, item=5).within(Provision(instrument="csl", article=21))
        True
        """
        if (self.instrument, self.title if self.instrument is None else None) != (
            other.instrument,
            other.title if other.instrument is None else None,
        ):
            return False
        if other.version is not None and self.version is not None and other.version != self.version:
            return False
        return all(
            mine == theirs
            for mine, theirs in (
                (self.article, other.article),
                (self.paragraph, other.paragraph),
                (self.item, other.item),
            )
            if theirs is not None
        )


@attrs.frozen(kw_only=True)
class CitedProvision:
    """A provision together with the role a case cites it in."""

    role: ProvisionRole = attrs.field(validator=instance_of(ProvisionRole, "a provision role"))
    provision: Provision = attrs.field(validator=instance_of(Provision, "a provision"))
