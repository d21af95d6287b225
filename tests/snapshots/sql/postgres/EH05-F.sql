WITH "t15" AS (
  SELECT
    "t14"."district",
    "t14"."family_id",
    "t14"."start_date",
    "t14"."end_date",
    CASE
      WHEN (
        (
          (
            CAST(EXTRACT(year FROM "t14"."start_date") AS BIGINT) * 12
          ) + CAST(EXTRACT(month FROM "t14"."start_date") AS BIGINT)
        ) - 1
      ) < 24234
      THEN 24234
      ELSE (
        (
          CAST(EXTRACT(year FROM "t14"."start_date") AS BIGINT) * 12
        ) + CAST(EXTRACT(month FROM "t14"."start_date") AS BIGINT)
      ) - 1
    END AS "lo",
    CASE
      WHEN COALESCE(
        (
          (
            (
              CAST(EXTRACT(year FROM "t14"."end_date") AS BIGINT) * 12
            ) + CAST(EXTRACT(month FROM "t14"."end_date") AS BIGINT)
          ) - 1
        ) - 1,
        24245
      ) > 24245
      THEN 24245
      ELSE COALESCE(
        (
          (
            (
              CAST(EXTRACT(year FROM "t14"."end_date") AS BIGINT) * 12
            ) + CAST(EXTRACT(month FROM "t14"."end_date") AS BIGINT)
          ) - 1
        ) - 1,
        24245
      )
    END AS "hi"
  FROM (
    SELECT
      "t11"."district",
      "t4"."family_id",
      "t4"."start_date",
      "t4"."end_date"
    FROM "eh_episodes" AS "t4"
    LEFT OUTER JOIN (
      SELECT
        "t2"."team_id",
        "t2"."district",
        "t2"."kind" AS "team_kind"
      FROM "teams" AS "t2"
    ) AS "t11"
      ON "t4"."team_id" = "t11"."team_id"
  ) AS "t14"
), "t21" AS (
  SELECT
    "t20"."area",
    "t20"."hi",
    CASE
      WHEN (
        "t20"."reach" IS NULL
      ) OR (
        "t20"."lo" > "t20"."reach"
      )
      THEN "t20"."lo"
      ELSE "t20"."reach" + 1
    END AS "lo"
  FROM (
    SELECT
      "t19"."district",
      "t19"."family_id",
      "t19"."start_date",
      "t19"."end_date",
      "t19"."lo",
      "t19"."hi",
      "t19"."area",
      MAX("t19"."hi") OVER (
        PARTITION BY "t19"."area", "t19"."family_id"
        ORDER BY "t19"."lo" ASC, "t19"."hi" ASC
        ROWS BETWEEN UNBOUNDED PRECEDING AND 1 preceding
      ) AS "reach"
    FROM (
      SELECT
        *
      FROM (
        SELECT
          "t16"."district",
          "t16"."family_id",
          "t16"."start_date",
          "t16"."end_date",
          "t16"."lo",
          "t16"."hi",
          '' AS "area"
        FROM "t15" AS "t16"
        WHERE
          "t16"."lo" <= "t16"."hi"
      ) AS "t17"
      UNION ALL
      SELECT
        *
      FROM (
        SELECT
          "t16"."district",
          "t16"."family_id",
          "t16"."start_date",
          "t16"."end_date",
          "t16"."lo",
          "t16"."hi",
          "t16"."district" AS "area"
        FROM "t15" AS "t16"
        WHERE
          "t16"."lo" <= "t16"."hi" AND "t16"."district" IS NOT NULL
      ) AS "t18"
    ) AS "t19"
  ) AS "t20"
)
SELECT
  *
FROM (
  SELECT
    "t8"."month",
    "t13"."area",
    COALESCE(CAST("t29"."numerator" AS DOUBLE PRECISION), 0.0) AS "value",
    COALESCE(CAST("t29"."numerator" AS DOUBLE PRECISION), 0.0) AS "numerator",
    CAST(NULL AS DOUBLE PRECISION) AS "denominator"
  FROM (
    SELECT
      "t0"."month"
    FROM "memtable_1" AS "t0"
  ) AS "t8"
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
    ) AS "t10"
  ) AS "t13"
  LEFT OUTER JOIN (
    SELECT
      "t9"."month",
      "t13"."area",
      SUM(COALESCE("t27"."numerator", 0)) OVER (
        PARTITION BY "t13"."area"
        ORDER BY "t9"."month_index" ASC
        ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW
      ) AS "numerator"
    FROM (
      SELECT
        "t0"."month",
        "t0"."month_index"
      FROM "memtable_1" AS "t0"
    ) AS "t9"
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
      ) AS "t10"
    ) AS "t13"
    LEFT OUTER JOIN (
      SELECT
        "t25"."area",
        "t25"."month_index",
        COALESCE(SUM("t25"."change") FILTER(WHERE
          "t25"."column" = 'numerator'), 0) AS "numerator"
      FROM (
        SELECT
          *
        FROM (
          SELECT
            "t22"."area",
            'numerator' AS "column",
            "t22"."lo" AS "month_index",
            1 AS "change"
          FROM "t21" AS "t22"
          WHERE
            "t22"."lo" <= "t22"."hi"
        ) AS "t23"
        UNION ALL
        SELECT
          *
        FROM (
          SELECT
            "t22"."area",
            'numerator' AS "column",
            "t22"."hi" + 1 AS "month_index",
            -1 AS "change"
          FROM "t21" AS "t22"
          WHERE
            "t22"."lo" <= "t22"."hi"
        ) AS "t24"
      ) AS "t25"
      GROUP BY
        1,
        2
    ) AS "t27"
      ON "t13"."area" = "t27"."area" AND "t9"."month_index" = "t27"."month_index"
  ) AS "t29"
    ON "t8"."month" = "t29"."month" AND "t13"."area" = "t29"."area"
) AS "t30"
ORDER BY
  "t30"."month" ASC,
  "t30"."area" ASC
