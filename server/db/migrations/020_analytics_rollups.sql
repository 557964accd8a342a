-- Analytics (issue #7): pre-aggregated rollups of the viewing events, kept up to date inside the
-- statement that writes the events (statement-level triggers with transition tables). Because a
-- transition table holds only the rows really inserted, an event replayed with a known id (ON CONFLICT
-- DO NOTHING) reaches no rollup: idempotency is the events table's primary key, nothing else.
--
-- Every figure is attributed to the guide's PRODUCTION day (Europe/Rome calendar), so a date range
-- always means "the guides produced in these days" and every rate stays a share of one set of guides.
-- Cells exist at three grains of that day: 'd' (day), 'm' (month, period = its first day) and 'y'
-- (year); a date range is answered from whole years, whole months and the remaining days. Each cell
-- is also kept with province '*' (all provinces): the 107 provinces are the dimension that multiplies
-- cells most, and most questions do not filter by one. So a query reads, through the primary key
-- (grain, province, period, …), thousands of cells, never millions of events.
--
-- channel: '' on the guide-level row (produced); otherwise the token's channel (views: the channel of
-- the view; viewers: the channel of their first view). campaign_id: the nil UUID for direct guides.

CREATE TABLE analytics_cells (
  grain char(1) NOT NULL CHECK (grain IN ('d', 'm', 'y')),
  period date NOT NULL,
  guide_type text NOT NULL,
  campaign_id uuid NOT NULL,
  channel text NOT NULL,
  province text NOT NULL,
  produced integer NOT NULL DEFAULT 0,
  issued integer NOT NULL DEFAULT 0,
  opened integer NOT NULL DEFAULT 0,
  views integer NOT NULL DEFAULT 0,
  interacted_views integer NOT NULL DEFAULT 0,
  -- rN: views whose furthest reported position reached N% of the guide (r100: completed views).
  r0 integer NOT NULL DEFAULT 0,
  r5 integer NOT NULL DEFAULT 0,
  r10 integer NOT NULL DEFAULT 0,
  r15 integer NOT NULL DEFAULT 0,
  r20 integer NOT NULL DEFAULT 0,
  r25 integer NOT NULL DEFAULT 0,
  r30 integer NOT NULL DEFAULT 0,
  r35 integer NOT NULL DEFAULT 0,
  r40 integer NOT NULL DEFAULT 0,
  r45 integer NOT NULL DEFAULT 0,
  r50 integer NOT NULL DEFAULT 0,
  r55 integer NOT NULL DEFAULT 0,
  r60 integer NOT NULL DEFAULT 0,
  r65 integer NOT NULL DEFAULT 0,
  r70 integer NOT NULL DEFAULT 0,
  r75 integer NOT NULL DEFAULT 0,
  r80 integer NOT NULL DEFAULT 0,
  r85 integer NOT NULL DEFAULT 0,
  r90 integer NOT NULL DEFAULT 0,
  r95 integer NOT NULL DEFAULT 0,
  r100 integer NOT NULL DEFAULT 0,
  viewers integer NOT NULL DEFAULT 0,
  viewers_interacted integer NOT NULL DEFAULT 0,
  -- Views of the viewers counted in this cell (whatever channel each view came through).
  viewer_views integer NOT NULL DEFAULT 0,
  -- Viewers whose latest rating is N.
  rating1 integer NOT NULL DEFAULT 0,
  rating2 integer NOT NULL DEFAULT 0,
  rating3 integer NOT NULL DEFAULT 0,
  rating4 integer NOT NULL DEFAULT 0,
  rating5 integer NOT NULL DEFAULT 0,
  PRIMARY KEY (grain, province, period, guide_type, campaign_id, channel)
);

-- Views in which an action was used: total events and distinct views, per action and kind.
CREATE TABLE analytics_action_cells (
  grain char(1) NOT NULL,
  period date NOT NULL,
  guide_type text NOT NULL,
  campaign_id uuid NOT NULL,
  channel text NOT NULL,
  province text NOT NULL,
  kind text NOT NULL,
  action_id text NOT NULL,
  events integer NOT NULL DEFAULT 0,
  views integer NOT NULL DEFAULT 0,
  PRIMARY KEY (grain, province, period, guide_type, campaign_id, channel, kind, action_id)
);

-- Views that stopped in a scene: their furthest position lies in it and they did not complete.
-- min_frame (the earliest such position seen) only orders scenes.
CREATE TABLE analytics_scene_cells (
  grain char(1) NOT NULL,
  period date NOT NULL,
  guide_type text NOT NULL,
  campaign_id uuid NOT NULL,
  channel text NOT NULL,
  province text NOT NULL,
  scene_id text NOT NULL,
  exits integer NOT NULL DEFAULT 0,
  min_frame integer,
  PRIMARY KEY (grain, province, period, guide_type, campaign_id, channel, scene_id)
);

-- The state the rollups are derived from, so that a late event changes a view's or a viewer's
-- contribution instead of adding a second one. No personal data: ids, positions, flags.
CREATE TABLE analytics_views (
  view_id uuid PRIMARY KEY,
  guide_id uuid NOT NULL,
  produced_on date NOT NULL,
  guide_type text NOT NULL,
  campaign_id uuid NOT NULL,
  channel text NOT NULL,
  province text NOT NULL,
  first_received_at timestamptz NOT NULL,
  reach smallint NOT NULL,
  interacted boolean NOT NULL,
  far_frame integer,
  far_scene text
);
CREATE INDEX analytics_views_guide ON analytics_views (guide_id);

CREATE TABLE analytics_viewers (
  guide_id uuid PRIMARY KEY,
  produced_on date NOT NULL,
  guide_type text NOT NULL,
  campaign_id uuid NOT NULL,
  channel text NOT NULL,
  province text NOT NULL,
  interacted boolean NOT NULL,
  rating smallint,
  rated_at timestamptz
);

CREATE TABLE analytics_view_actions (
  view_id uuid NOT NULL,
  kind text NOT NULL,
  action_id text NOT NULL,
  PRIMARY KEY (view_id, kind, action_id)
);
