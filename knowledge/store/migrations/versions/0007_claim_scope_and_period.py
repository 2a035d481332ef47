"""claim.scope_name and claim.period_label: the scope a rank is within and the period it is for, as extracted

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-02 12:00:00
"""

import sqlalchemy as sa
from alembic import op
from sqlmodel.sql.sqltypes import AutoString

revision = '0007'
down_revision = '0006'
branch_labels = None
depends_on = None


def upgrade() -> None:
    # nullable columns: claims stored before this revision keep neither until their article is read again
    op.add_column('claim', sa.Column('scope_name', AutoString(length=60), nullable=True))
    op.add_column('claim', sa.Column('period_label', AutoString(length=30), nullable=True))


def downgrade() -> None:
    op.drop_column('claim', 'period_label')
    op.drop_column('claim', 'scope_name')
