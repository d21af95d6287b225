WITH "t17" AS (
  SELECT
    "t5"."month",
    "t5"."month_end",
    "t5"."month_index",
    "t16"."episode_id",
    "t16"."child_id",
    "t16"."team_id",
    "t16"."start_date",
    "t16"."end_date",
    "t16"."reason_new",
    "t16"."placement_type",
    "t16"."provider",
    "t16"."legal_status",
    "t16"."reason_ceased",
    "t16"."team_id_right",
    "t16"."district",
    "t16"."team_kind",
    "t6"."date_of_birth",
    "t6"."sex",
    "t6"."uasc",
    "t6"."family_id"
  FROM "memtable_1" AS "t5"
  INNER JOIN (
    SELECT
      "t7"."episode_id",
      "t7"."child_id",
      "t7"."team_id",
      "t7"."start_date",
      "t7"."end_date",
      "t7"."reason_new",
      "t7"."placement_type",
      "t7"."provider",
      "t7"."legal_status",
      "t7"."reason_ceased",
      "t12"."team_id" AS "team_id_right",
      "t12"."district",
      "t12"."team_kind"
    FROM "care_episodes" AS "t7"
    LEFT OUTER JOIN (
      SELECT
        "t2"."team_id",
        "t2"."district",
        "t2"."kind" AS "team_kind"
      FROM "teams" AS "t2"
    ) AS "t12"
      ON "t7"."team_id" = "t12"."team_id"
  ) AS "t16"
    ON "t16"."start_date" <= "t5"."month_end"
    AND COALESCE("t16"."end_date", MAKE_DATE(CAST(9999 AS INT), CAST(12 AS INT), CAST(31 AS INT))) > "t5"."month_end"
  INNER JOIN "children" AS "t6"
    ON "t16"."child_id" = "t6"."child_id"
)
SELECT
  *
FROM (
  SELECT
    "t10"."month",
    "t14"."area",
    (
      CAST(COALESCE(CAST("t23"."numerator" AS DOUBLE PRECISION), 0.0) AS DOUBLE PRECISION) / NULLIF(COALESCE(CAST("t23"."denominator" AS DOUBLE PRECISION), 0.0), 0)
    ) * 100.0 AS "value",
    COALESCE(CAST("t23"."numerator" AS DOUBLE PRECISION), 0.0) AS "numerator",
    COALESCE(CAST("t23"."denominator" AS DOUBLE PRECISION), 0.0) AS "denominator"
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
    ) AS "t11"
  ) AS "t14"
  LEFT OUTER JOIN (
    SELECT
      "t21"."month",
      "t21"."area",
      SUM("t21"."numerator") AS "numerator",
      SUM("t21"."denominator") AS "denominator"
    FROM (
      SELECT
        *
      FROM (
        SELECT
          "t18"."month",
          "t18"."district",
          CAST(CASE
            WHEN "t18"."placement_type" IN ('U1', 'U2', 'U3') OR (
              "t18"."provider" = 'PR1'
            )
            THEN 1
            ELSE 0
          END AS BIGINT) AS "numerator",
          1 AS "denominator",
          '' AS "area"
        FROM "t17" AS "t18"
        WHERE
          NOT (
            "t18"."uasc"
          )
          AND "t18"."placement_type" IN ('U1', 'U2', 'U3', 'U4', 'U5', 'U6')
      ) AS "t19"
      UNION ALL
      SELECT
        *
      FROM (
        SELECT
          "t18"."month",
          "t18"."district",
          CAST(CASE
            WHEN "t18"."placement_type" IN ('U1', 'U2', 'U3') OR (
              "t18"."provider" = 'PR1'
            )
            THEN 1
            ELSE 0
          END AS BIGINT) AS "numerator",
          1 AS "denominator",
          "t18"."district" AS "area"
        FROM "t17" AS "t18"
        WHERE
          NOT (
            "t18"."uasc"
          )
          AND "t18"."placement_type" IN ('U1', 'U2', 'U3', 'U4', 'U5', 'U6')
          AND "t18"."district" IS NOT NULL
      ) AS "t20"
    ) AS "t21"
    GROUP BY
      1,
      2
  ) AS "t23"
    ON "t10"."month" = "t23"."month" AND "t14"."area" = "t23"."area"
) AS "t24"
ORDER BY
  "t24"."month" ASC,
  "t24"."area" ASC
