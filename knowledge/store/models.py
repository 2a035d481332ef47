"""SQLModel tables of the fact base: articles, sentences, regions, facts, rankings, claims, entities.

Each fact, ranking and claim points at the sentence it came from, so every answer can cite it.
Base classes hold the fields; `table=True` classes add keys, indexes and bookkeeping.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from decimal import Decimal
from typing import Literal

from sqlalchemy import BigInteger, Column, Index, LargeBinary, Numeric, Text, UniqueConstraint
from sqlmodel import AutoString, Field, SQLModel

from knowledge.extract.kinds import RankingKind, SubjectKind
from knowledge.extract.periods import PeriodKind
from knowledge.text.normalize import Script

# A Literal-typed field is a plain VARCHAR column: SQLModel cannot map a Literal itself, so sa_column says so.
EntityKind = Literal["company"]
DeliveryStatus = Literal["pending", "sent", "failed", "skipped"]


def utcnow() -> datetime:
    return datetime.now(UTC)


class ArticleBase(SQLModel):
    source: str = Field(max_length=300, description="file name the article was read from")
    content_hash: str = Field(max_length=64)
    title: str | None = Field(default=None, max_length=300)
    publisher: str | None = Field(default=None, max_length=120)
    published: date | None = None
    date_rule: str | None = Field(default=None, max_length=200)
    url: str | None = Field(default=None, max_length=500)
    script: Script = Field(default="hans", sa_column=Column(AutoString(length=8), nullable=False, default="hans"))
    encoding: str = Field(default="utf-8", max_length=20)


class Article(ArticleBase, table=True):
    __table_args__ = (UniqueConstraint("source", name="uq_article_source"), Index("ix_article_hash", "content_hash"))

    id: int | None = Field(default=None, primary_key=True)
    original_text: str = Field(sa_column=Column(Text, nullable=False))
    text: str = Field(sa_column=Column(Text, nullable=False))
    ingested_at: datetime = Field(default_factory=utcnow)
    updated_at: datetime = Field(default_factory=utcnow, index=True)


class SentenceRow(SQLModel, table=True):
    __tablename__ = "sentence"

    id: int | None = Field(default=None, primary_key=True)
    article_id: int = Field(foreign_key="article.id", index=True)
    position: int
    paragraph: int
    text: str = Field(sa_column=Column(Text, nullable=False))
    original: str = Field(sa_column=Column(Text, nullable=False))


class RegionRow(SQLModel, table=True):
    __tablename__ = "region"

    code: str = Field(primary_key=True, max_length=20)
    name: str = Field(index=True, max_length=60)
    level: str = Field(max_length=10)
    parent_code: str | None = Field(default=None, max_length=20, index=True)
    aliases: str = Field(default="", max_length=300, description="'|'-joined short and former names")


class FactBase(SQLModel):
    region_code: str = Field(max_length=20)
    region_surface: str = Field(max_length=60)
    metric: str = Field(max_length=80)
    metric_surface: str = Field(max_length=80)
    value: Decimal | None = Field(default=None, sa_column=Column(Numeric(24, 6), nullable=True))
    value_text: str | None = Field(default=None, max_length=40)
    unit: str | None = Field(default=None, max_length=20)
    growth: Decimal | None = Field(default=None, sa_column=Column(Numeric(12, 4), nullable=True))
    growth_pp: Decimal | None = Field(default=None, sa_column=Column(Numeric(12, 4), nullable=True))
    period_kind: PeriodKind = Field(sa_column=Column(AutoString(length=10), nullable=False))
    period_year: int | None = None
    period_start: int | None = None
    period_end: int | None = None
    period_label: str = Field(max_length=30)
    qualifier: str | None = Field(default=None, max_length=40)


class Fact(FactBase, table=True):
    __table_args__ = (
        Index("ix_fact_region_metric", "region_code", "metric"),
        Index("ix_fact_metric_period", "metric", "period_label"),
    )

    id: int | None = Field(default=None, primary_key=True)
    article_id: int = Field(foreign_key="article.id", index=True)
    sentence_id: int = Field(foreign_key="sentence.id")
    created_at: datetime = Field(default_factory=utcnow, index=True)


class RankingBase(SQLModel):
    title: str = Field(max_length=200)
    scope_code: str | None = Field(default=None, max_length=20)
    scope_name: str | None = Field(default=None, max_length=60)
    period_label: str | None = Field(default=None, max_length=30)
    kind: RankingKind = Field(sa_column=Column(AutoString(length=10), nullable=False),
                              description="'ordered' for numbered rankings, 'set' for named lists")


class Ranking(RankingBase, table=True):
    id: int | None = Field(default=None, primary_key=True)
    article_id: int = Field(foreign_key="article.id", index=True)
    sentence_id: int = Field(foreign_key="sentence.id")
    created_at: datetime = Field(default_factory=utcnow, index=True)


class RankingEntry(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    ranking_id: int = Field(foreign_key="ranking.id", index=True)
    position: int | None = None
    name: str = Field(max_length=120)
    original_name: str | None = Field(default=None, max_length=120)
    region_code: str | None = Field(default=None, max_length=20, index=True)


class ClaimBase(SQLModel):
    subject: str = Field(max_length=120, index=True)
    subject_kind: SubjectKind = Field(sa_column=Column(AutoString(length=10), nullable=False))
    region_code: str | None = Field(default=None, max_length=20, index=True)
    claim: str = Field(max_length=60)
    scope: str | None = Field(default=None, max_length=20)
    position: int | None = None
    about: str | None = Field(default=None, max_length=120)
    scope_name: str | None = Field(default=None, max_length=60)  # the scope resolved: 山东省, 全国, 中部六省
    period_label: str | None = Field(default=None, max_length=30)  # the period of the standing: 2024, 2022H1


class Claim(ClaimBase, table=True):
    id: int | None = Field(default=None, primary_key=True)
    article_id: int = Field(foreign_key="article.id", index=True)
    sentence_id: int = Field(foreign_key="sentence.id")
    created_at: datetime = Field(default_factory=utcnow, index=True)


class Entity(SQLModel, table=True):
    __table_args__ = (UniqueConstraint("kind", "name", name="uq_entity_kind_name"),)

    id: int | None = Field(default=None, primary_key=True)
    kind: EntityKind = Field(sa_column=Column(AutoString(length=10), nullable=False))
    name: str = Field(max_length=120)
    short: str | None = Field(default=None, max_length=60, index=True)


class MentionRow(SQLModel, table=True):
    __tablename__ = "mention"

    id: int | None = Field(default=None, primary_key=True)
    entity_id: int = Field(foreign_key="entity.id", index=True)
    article_id: int = Field(foreign_key="article.id", index=True)
    sentence_id: int = Field(foreign_key="sentence.id")


class QuestionLog(SQLModel, table=True):
    """Every question asked through the bot: for /stats and for finding what users miss."""

    __tablename__ = "question_log"

    id: int | None = Field(default=None, primary_key=True)
    chat_id: int = Field(sa_column=Column(BigInteger, nullable=False))
    user_id: int | None = Field(default=None, sa_column=Column(BigInteger, nullable=True))
    question: str = Field(max_length=500)
    intent: str = Field(max_length=20)
    found: bool
    latency_ms: float
    created_at: datetime = Field(default_factory=utcnow, index=True)


class Subscription(SQLModel, table=True):
    """A chat's daily digest: when (local time in its timezone) and for which regions."""

    id: int | None = Field(default=None, primary_key=True)
    chat_id: int = Field(sa_column=Column(BigInteger, nullable=False, unique=True))
    chat_type: str = Field(default="private", max_length=20)
    send_time: str = Field(default="08:00", max_length=5, description="HH:MM")
    timezone: str = Field(default="Asia/Shanghai", max_length=60)
    regions: str = Field(default="", max_length=500, description="comma-separated region codes; empty = all")
    active: bool = Field(default=True, index=True)
    last_digest_at: datetime | None = None
    created_at: datetime = Field(default_factory=utcnow)
    updated_at: datetime = Field(default_factory=utcnow)


class DeliveryLog(SQLModel, table=True):
    """One row per (chat, digest date): the unique key is what makes delivery exactly-once.

    A sender claims a row (status 'sending', owner, claimed_until) and no other sender takes it while the
    claim is live; parts_sent counts the parts of a multi-part digest that are out, so a resume sends the rest.
    """

    __tablename__ = "delivery_log"
    __table_args__ = (UniqueConstraint("chat_id", "digest_date", name="uq_delivery_chat_date"),
                      Index("ix_delivery_claimable", "digest_date", "status"))

    id: int | None = Field(default=None, primary_key=True)
    chat_id: int = Field(sa_column=Column(BigInteger, nullable=False))
    digest_date: date
    status: DeliveryStatus = Field(default="pending",
                                   sa_column=Column(AutoString(length=12), nullable=False, default="pending"))
    attempts: int = 0
    error: str | None = Field(default=None, max_length=300)
    highlight: str | None = Field(default=None, max_length=40, description="the 今日一数 fact key, if one was sent")
    created_at: datetime = Field(default_factory=utcnow)
    sent_at: datetime | None = None
    owner: str | None = Field(default=None, max_length=80, description="the sender holding the claim")
    claimed_until: datetime | None = None
    body: str | None = Field(default=None, sa_column=Column(Text, nullable=True))
    parts_total: int = 0
    parts_sent: int = 0


class BroadcastLease(SQLModel, table=True):
    """At most one broadcast at a time across processes: the holder renews it, a dead holder's lapses."""

    __tablename__ = "broadcast_lease"

    name: str = Field(primary_key=True, max_length=40)
    owner: str = Field(max_length=80)
    expires_at: datetime


class ConversationState(SQLModel, table=True):
    """A chat's follow-up context as JSON, shared by every replica; the chat idle longest is pruned first."""

    __tablename__ = "conversation_state"

    chat_id: int = Field(sa_column=Column(BigInteger, primary_key=True, autoincrement=False))
    state: str = Field(sa_column=Column(Text, nullable=False))
    updated_at: datetime = Field(default_factory=utcnow, index=True)


class FloodCount(SQLModel, table=True):
    """Updates per user per minute, counted in one upsert so replicas share one flood guard."""

    __tablename__ = "flood_count"

    user_id: int = Field(sa_column=Column(BigInteger, primary_key=True, autoincrement=False))
    minute: int = Field(sa_column=Column(BigInteger, primary_key=True, autoincrement=False))
    count: int = 0


class CallbackKeyboard(SQLModel, table=True):
    """The objects behind one keyboard's buttons (PTB arbitrary_callback_data), so any replica resolves them."""

    __tablename__ = "callback_keyboard"

    id: int | None = Field(default=None, primary_key=True)
    keyboard_uuid: str = Field(max_length=32, unique=True)
    data: bytes = Field(sa_column=Column(LargeBinary, nullable=False))
    created_at: datetime = Field(default_factory=utcnow)
