WITH "t18" AS (
  SELECT
    "t17"."district",
    "t17"."start_date",
    "t17"."end_date",
    CAST(CASE
      WHEN "t17"."placement_type" IN ('U1', 'U2', 'U3') OR (
        "t17"."provider" = 'PR1'
      )
      THEN 1
      ELSE 0
    END AS BIGINT) AS "in_house",
    CASE
      WHEN (
        (
          (
            CAST(EXTRACT(year FROM "t17"."start_date") AS BIGINT) * 12
          ) + CAST(EXTRACT(month FROM "t17"."start_date") AS BIGINT)
        ) - 1
      ) < 24234
      THEN 24234
      ELSE (
        (
          CAST(EXTRACT(year FROM "t17"."start_date") AS BIGINT) * 12
        ) + CAST(EXTRACT(month FROM "t17"."start_date") AS BIGINT)
      ) - 1
    END AS "lo",
    CASE
      WHEN COALESCE(
        (
          (
            (
              CAST(EXTRACT(year FROM "t17"."end_date") AS BIGINT) * 12
            ) + CAST(EXTRACT(month FROM "t17"."end_date") AS BIGINT)
          ) - 1
        ) - 1,
        24245
      ) > 24245
      THEN 24245
      ELSE COALESCE(
        (
          (
            (
              CAST(EXTRACT(year FROM "t17"."end_date") AS BIGINT) * 12
            ) + CAST(EXTRACT(month FROM "t17"."end_date") AS BIGINT)
          ) - 1
        ) - 1,
        24245
      )
    END AS "hi"
  FROM (
    SELECT
      "t5"."episode_id",
      "t5"."child_id",
      "t5"."team_id",
      "t5"."start_date",
      "t5"."end_date",
      "t5"."reason_new",
      "t5"."placement_type",
      "t5"."provider",
      "t5"."legal_status",
      "t5"."reason_ceased",
      "t13"."team_id" AS "team_id_right",
      "t13"."district",
      "t13"."team_kind",
      "t14"."uasc"
    FROM "care_episodes" AS "t5"
    LEFT OUTER JOIN (
      SELECT
        "t2"."team_id",
        "t2"."district",
        "t2"."kind" AS "team_kind"
      FROM "teams" AS "t2"
    ) AS "t13"
      ON "t5"."team_id" = "t13"."team_id"
    INNER JOIN (
      SELECT
        "t4"."child_id",
        "t4"."uasc"
      FROM "children" AS "t4"
    ) AS "t14"
      ON "t5"."child_id" = "t14"."child_id"
  ) AS "t17"
  WHERE
    NOT (
      "t17"."uasc"
    )
    AND "t17"."placement_type" IN ('U1', 'U2', 'U3', 'U4', 'U5', 'U6')
), "t22" AS (
  SELECT
    *
  FROM (
    SELECT
      "t19"."district",
      "t19"."lo",
      "t19"."hi",
      'denominator' AS "column"
    FROM "t18" AS "t19"
    WHERE
      "t19"."lo" <= "t19"."hi"
  ) AS "t20"
  UNION ALL
  SELECT
    *
  FROM (
    SELECT
      "t19"."district",
      "t19"."lo",
      "t19"."hi",
      'numerator' AS "column"
    FROM "t18" AS "t19"
    WHERE
      "t19"."lo" <= "t19"."hi" AND "t19"."in_house" = 1
  ) AS "t21"
), "t26" AS (
  SELECT
    *
  FROM (
    SELECT
      "t23"."district",
      "t23"."lo",
      "t23"."hi",
      "t23"."column",
      '' AS "area"
    FROM "t22" AS "t23"
  ) AS "t24"
  UNION ALL
  SELECT
    *
  FROM (
    SELECT
      "t23"."district",
      "t23"."lo",
      "t23"."hi",
      "t23"."column",
      "t23"."district" AS "area"
    FROM "t22" AS "t23"
    WHERE
      "t23"."district" IS NOT NULL
  ) AS "t25"
)
SELECT
  *
FROM (
  SELECT
    "t10"."month",
    "t16"."area",
    (
      CAST(COALESCE(CAST("t34"."numerator" AS DOUBLE PRECISION), 0.0) AS DOUBLE PRECISION) / NULLIF(COALESCE(CAST("t34"."denominator" AS DOUBLE PRECISION), 0.0), 0)
    ) * 100.0 AS "value",
    COALESCE(CAST("t34"."numerator" AS DOUBLE PRECISION), 0.0) AS "numerator",
    COALESCE(CAST("t34"."denominator" AS DOUBLE PRECISION), 0.0) AS "denominator"
  FROM (
    SELECT
      "t0"."month"
    FROM "memtable_1" AS "t0"
  ) AS "t10"
  CROSS JOIN (
    SELECT
      *
    FROM "memtable_2" AS "t1"
    UNION ALL
    SELECT
      *
    FROM (
      SELECT DISTINCT
        "t2"."district" AS "area"
      FROM "teams" AS "t2"
      WHERE
        "t2"."district" IS NOT NULL
    ) AS "t12"
  ) AS "t16"
  LEFT OUTER JOIN (
    SELECT
      "t11"."month",
      "t16"."area",
      SUM(COALESCE("t32"."numerator", 0)) OVER (
        PARTITION BY "t16"."area"
        ORDER BY "t11"."month_index" ASC
        ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW
      ) AS "numerator",
      SUM(COALESCE("t32"."denominator", 0)) OVER (
        PARTITION BY "t16"."area"
        ORDER BY "t11"."month_index" ASC
        ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW
      ) AS "denominator"
    FROM (
      SELECT
        "t0"."month",
        "t0"."month_index"
      FROM "memtable_1" AS "t0"
    ) AS "t11"
    CROSS JOIN (
      SELECT
        *
      FROM "memtable_2" AS "t1"
      UNION ALL
      SELECT
        *
      FROM (
        SELECT DISTINCT
          "t2"."district" AS "area"
        FROM "teams" AS "t2"
        WHERE
          "t2"."district" IS NOT NULL
      ) AS "t12"
    ) AS "t16"
    LEFT OUTER JOIN (
      SELECT
        "t30"."area",
        "t30"."month_index",
        COALESCE(SUM("t30"."change") FILTER(WHERE
          "t30"."column" = 'numerator'), 0) AS "numerator",
        COALESCE(SUM("t30"."change") FILTER(WHERE
          "t30"."column" = 'denominator'), 0) AS "denominator"
      FROM (
        SELECT
          *
        FROM (
          SELECT
            "t27"."area",
            "t27"."column",
            "t27"."lo" AS "month_index",
            1 AS "change"
          FROM "t26" AS "t27"
        ) AS "t28"
        UNION ALL
        SELECT
          *
        FROM (
          SELECT
            "t27"."area",
            "t27"."column",
            "t27"."hi" + 1 AS "month_index",
            -1 AS "change"
          FROM "t26" AS "t27"
        ) AS "t29"
      ) AS "t30"
      GROUP BY
        1,
        2
    ) AS "t32"
      ON "t16"."area" = "t32"."area" AND "t11"."month_index" = "t32"."month_index"
  ) AS "t34"
    ON "t10"."month" = "t34"."month" AND "t16"."area" = "t34"."area"
) AS "t35"
ORDER BY
  "t35"."month" ASC,
  "t35"."area" ASC
