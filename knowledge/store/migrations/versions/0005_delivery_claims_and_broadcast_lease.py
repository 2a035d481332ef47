"""delivery claims (owner, expiry, parts) and the broadcast lease

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-01 10:33:34
"""

import sqlalchemy as sa
from alembic import op
from sqlmodel.sql.sqltypes import AutoString, UTCDateTime

revision = '0005'
down_revision = '0004'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('broadcast_lease',
    sa.Column('name', AutoString(length=40), nullable=False),
    sa.Column('owner', AutoString(length=80), nullable=False),
    sa.Column('expires_at', UTCDateTime(), nullable=False),
    sa.PrimaryKeyConstraint('name')
    )
    # Plain ADD COLUMNs (no batch copy of the table); existing rows get 0 parts.
    op.add_column('delivery_log', sa.Column('owner', AutoString(length=80), nullable=True))
    op.add_column('delivery_log', sa.Column('claimed_until', UTCDateTime(), nullable=True))
    op.add_column('delivery_log', sa.Column('body', sa.Text(), nullable=True))
    op.add_column('delivery_log', sa.Column('parts_total', sa.Integer(), nullable=False, server_default='0'))
    op.add_column('delivery_log', sa.Column('parts_sent', sa.Integer(), nullable=False, server_default='0'))
    op.create_index('ix_delivery_claimable', 'delivery_log', ['digest_date', 'status'], unique=False)


def downgrade() -> None:
    op.drop_index('ix_delivery_claimable', table_name='delivery_log')
    for column in ('parts_sent', 'parts_total', 'body', 'claimed_until', 'owner'):
        op.drop_column('delivery_log', column)
    op.drop_table('broadcast_lease')
