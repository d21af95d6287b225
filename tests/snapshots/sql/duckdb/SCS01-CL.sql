WITH "t26" AS (
  SELECT
    "t6"."month",
    "t20"."district",
    "t20"."child_id"
  FROM "memtable_1" AS "t6"
  INNER JOIN (
    SELECT
      "t7"."episode_id",
      "t7"."child_id",
      "t7"."team_id",
      "t7"."start_date",
      "t7"."end_date",
      "t14"."team_id" AS "team_id_right",
      "t14"."district",
      "t14"."team_kind"
    FROM "cin_episodes" AS "t7"
    LEFT OUTER JOIN (
      SELECT
        "t2"."team_id",
        "t2"."district",
        "t2"."kind" AS "team_kind"
      FROM "teams" AS "t2"
    ) AS "t14"
      ON "t7"."team_id" = "t14"."team_id"
  ) AS "t20"
    ON "t20"."start_date" <= "t6"."month_end"
    AND COALESCE("t20"."end_date", MAKE_DATE(9999, 12, 31)) > "t6"."month_end"
  SEMI JOIN (
    SELECT
      "t17"."child_id" AS "left_child",
      "t17"."end_date" AS "left_date"
    FROM (
      SELECT
        "t8"."episode_id",
        "t8"."child_id",
        "t8"."team_id",
        "t8"."start_date",
        "t8"."end_date",
        "t8"."reason_new",
        "t8"."placement_type",
        "t8"."provider",
        "t8"."legal_status",
        "t8"."reason_ceased",
        "t9"."date_of_birth",
        "t9"."sex",
        "t9"."uasc",
        "t9"."family_id"
      FROM "care_episodes" AS "t8"
      INNER JOIN "children" AS "t9"
        ON "t8"."child_id" = "t9"."child_id"
    ) AS "t17"
    WHERE
      "t17"."end_date" IS NOT NULL
      AND (
        (
          CAST(EXTRACT(year FROM "t17"."end_date") AS BIGINT) - CAST(EXTRACT(year FROM "t17"."date_of_birth") AS BIGINT)
        ) - CAST(CASE
          WHEN (
            (
              EXTRACT(month FROM "t17"."end_date") * 100
            ) + EXTRACT(day FROM "t17"."end_date")
          ) < (
            (
              EXTRACT(month FROM "t17"."date_of_birth") * 100
            ) + EXTRACT(day FROM "t17"."date_of_birth")
          )
          THEN 1
          ELSE 0
        END AS BIGINT)
      ) >= 16
  ) AS "t25"
    ON "t20"."child_id" = "t25"."left_child" AND "t25"."left_date" <= "t6"."month_end"
  ANTI JOIN (
    SELECT
      "t6"."month" AS "care_month",
      "t21"."child_id" AS "care_child"
    FROM "memtable_1" AS "t6"
    INNER JOIN (
      SELECT
        "t8"."episode_id",
        "t8"."child_id",
        "t8"."team_id",
        "t8"."start_date",
        "t8"."end_date",
        "t8"."reason_new",
        "t8"."placement_type",
        "t8"."provider",
        "t8"."legal_status",
        "t8"."reason_ceased",
        "t14"."team_id" AS "team_id_right",
        "t14"."district",
        "t14"."team_kind"
      FROM "care_episodes" AS "t8"
      LEFT OUTER JOIN (
        SELECT
          "t2"."team_id",
          "t2"."district",
          "t2"."kind" AS "team_kind"
        FROM "teams" AS "t2"
      ) AS "t14"
        ON "t8"."team_id" = "t14"."team_id"
    ) AS "t21"
      ON "t21"."start_date" <= "t6"."month_end"
      AND COALESCE("t21"."end_date", MAKE_DATE(9999, 12, 31)) > "t6"."month_end"
  ) AS "t23"
    ON "t6"."month" = "t23"."care_month" AND "t20"."child_id" = "t23"."care_child"
)
SELECT
  *
FROM (
  SELECT
    "t12"."month",
    "t16"."area",
    COALESCE(CAST("t33"."numerator" AS DOUBLE), 0.0) AS "value",
    COALESCE(CAST("t33"."numerator" AS DOUBLE), 0.0) AS "numerator",
    CAST(NULL AS DOUBLE) AS "denominator"
  FROM (
    SELECT
      "t0"."month"
    FROM "memtable_1" AS "t0"
  ) AS "t12"
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
    ) AS "t13"
  ) AS "t16"
  LEFT OUTER JOIN (
    SELECT
      "t31"."month",
      "t31"."area",
      COUNT(*) AS "numerator"
    FROM (
      SELECT DISTINCT
        "t30"."month",
        "t30"."area",
        "t30"."child_id"
      FROM (
        SELECT
          *
        FROM (
          SELECT
            "t27"."month",
            "t27"."district",
            "t27"."child_id",
            '' AS "area"
          FROM "t26" AS "t27"
        ) AS "t28"
        UNION ALL
        SELECT
          *
        FROM (
          SELECT
            "t27"."month",
            "t27"."district",
            "t27"."child_id",
            "t27"."district" AS "area"
          FROM "t26" AS "t27"
          WHERE
            "t27"."district" IS NOT NULL
        ) AS "t29"
      ) AS "t30"
    ) AS "t31"
    GROUP BY
      1,
      2
  ) AS "t33"
    ON "t12"."month" = "t33"."month" AND "t16"."area" = "t33"."area"
) AS "t34"
ORDER BY
  "t34"."month" ASC,
  "t34"."area" ASC
