"""state shared by replicas: follow-up conversations, flood counts, callback keyboards

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-02 09:00:00
"""

import sqlalchemy as sa
from alembic import op
from sqlmodel.sql.sqltypes import AutoString, UTCDateTime

revision = '0006'
down_revision = '0005'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('conversation_state',
    sa.Column('chat_id', sa.BigInteger(), autoincrement=False, nullable=False),
    sa.Column('state', sa.Text(), nullable=False),
    sa.Column('updated_at', UTCDateTime(), nullable=False),
    sa.PrimaryKeyConstraint('chat_id')
    )
    op.create_index(op.f('ix_conversation_state_updated_at'), 'conversation_state', ['updated_at'], unique=False)
    op.create_table('flood_count',
    sa.Column('user_id', sa.BigInteger(), autoincrement=False, nullable=False),
    sa.Column('minute', sa.BigInteger(), autoincrement=False, nullable=False),
    sa.Column('count', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('user_id', 'minute')
    )
    op.create_table('callback_keyboard',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('keyboard_uuid', AutoString(length=32), nullable=False),
    sa.Column('data', sa.LargeBinary(), nullable=False),
    sa.Column('created_at', UTCDateTime(), nullable=False),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('keyboard_uuid')
    )


def downgrade() -> None:
    op.drop_table('callback_keyboard')
    op.drop_table('flood_count')
    op.drop_index(op.f('ix_conversation_state_updated_at'), table_name='conversation_state')
    op.drop_table('conversation_state')
