WITH "t15" AS (
  SELECT
    "t4"."month",
    "t14"."district",
    "t14"."child_id"
  FROM "memtable_1" AS "t4"
  INNER JOIN (
    SELECT
      "t5"."episode_id",
      "t5"."child_id",
      "t5"."team_id",
      "t5"."start_date",
      "t5"."end_date",
      "t10"."team_id" AS "team_id_right",
      "t10"."district",
      "t10"."team_kind"
    FROM "cin_episodes" AS "t5"
    LEFT OUTER JOIN (
      SELECT
        "t2"."team_id",
        "t2"."district",
        "t2"."kind" AS "team_kind"
      FROM "teams" AS "t2"
    ) AS "t10"
      ON "t5"."team_id" = "t10"."team_id"
  ) AS "t14"
    ON "t14"."start_date" <= "t4"."month_end"
    AND COALESCE("t14"."end_date", MAKE_DATE(9999, 12, 31)) > "t4"."month_end"
)
SELECT
  *
FROM (
  SELECT
    "t8"."month",
    "t12"."area",
    COALESCE(CAST("t22"."numerator" AS DOUBLE), 0.0) AS "value",
    COALESCE(CAST("t22"."numerator" AS DOUBLE), 0.0) AS "numerator",
    CAST(NULL AS DOUBLE) AS "denominator"
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
    ) AS "t9"
  ) AS "t12"
  LEFT OUTER JOIN (
    SELECT
      "t20"."month",
      "t20"."area",
      COUNT(*) AS "numerator"
    FROM (
      SELECT DISTINCT
        "t19"."month",
        "t19"."area",
        "t19"."child_id"
      FROM (
        SELECT
          *
        FROM (
          SELECT
            "t16"."month",
            "t16"."district",
            "t16"."child_id",
            '' AS "area"
          FROM "t15" AS "t16"
        ) AS "t17"
        UNION ALL
        SELECT
          *
        FROM (
          SELECT
            "t16"."month",
            "t16"."district",
            "t16"."child_id",
            "t16"."district" AS "area"
          FROM "t15" AS "t16"
          WHERE
            "t16"."district" IS NOT NULL
        ) AS "t18"
      ) AS "t19"
    ) AS "t20"
    GROUP BY
      1,
      2
  ) AS "t22"
    ON "t8"."month" = "t22"."month" AND "t12"."area" = "t22"."area"
) AS "t23"
ORDER BY
  "t23"."month" ASC,
  "t23"."area" ASC
