"""entity.region_code dropped: nothing ever wrote or read it

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-01 10:45:00
"""

import sqlalchemy as sa
from alembic import op
from sqlmodel.sql.sqltypes import AutoString

revision = '0004'
down_revision = '0003'
branch_labels = None
depends_on = None


def upgrade() -> None:
    # A plain ALTER TABLE … DROP COLUMN (SQLite 3.35+ has it): a batch copy of the table would drop the
    # original under mention's foreign key, which SQLite refuses while foreign keys are on.
    op.drop_column('entity', 'region_code')


def downgrade() -> None:
    op.add_column('entity', sa.Column('region_code', AutoString(length=20), nullable=True))
