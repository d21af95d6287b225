WITH "t21" AS (
  SELECT
    "t20"."child_id",
    MIN("t20"."end_date") AS "left_date"
  FROM (
    SELECT
      *
    FROM (
      SELECT
        "t10"."episode_id",
        "t10"."child_id",
        "t10"."team_id",
        "t10"."start_date",
        "t10"."end_date",
        "t10"."reason_new",
        "t10"."placement_type",
        "t10"."provider",
        "t10"."legal_status",
        "t10"."reason_ceased",
        "t11"."date_of_birth",
        "t11"."sex",
        "t11"."uasc",
        "t11"."family_id"
      FROM "care_episodes" AS "t10"
      INNER JOIN "children" AS "t11"
        ON "t10"."child_id" = "t11"."child_id"
    ) AS "t19"
    WHERE
      "t19"."end_date" IS NOT NULL
      AND (
        (
          CAST(EXTRACT(year FROM "t19"."end_date") AS BIGINT) - CAST(EXTRACT(year FROM "t19"."date_of_birth") AS BIGINT)
        ) - CAST(CASE
          WHEN (
            (
              EXTRACT(month FROM "t19"."end_date") * 100
            ) + EXTRACT(day FROM "t19"."end_date")
          ) < (
            (
              EXTRACT(month FROM "t19"."date_of_birth") * 100
            ) + EXTRACT(day FROM "t19"."date_of_birth")
          )
          THEN 1
          ELSE 0
        END AS BIGINT)
      ) >= 16
  ) AS "t20"
  GROUP BY
    1
)
SELECT
  *
FROM (
  SELECT
    "t14"."month",
    "t18"."area",
    COALESCE(CAST("t36"."numerator" AS DOUBLE PRECISION), 0.0) AS "value",
    COALESCE(CAST("t36"."numerator" AS DOUBLE PRECISION), 0.0) AS "numerator",
    CAST(NULL AS DOUBLE PRECISION) AS "denominator"
  FROM (
    SELECT
      "t0"."month"
    FROM "memtable_1" AS "t0"
  ) AS "t14"
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
    ) AS "t15"
  ) AS "t18"
  LEFT OUTER JOIN (
    SELECT
      "t34"."month",
      "t34"."area",
      COUNT(*) AS "numerator"
    FROM (
      SELECT DISTINCT
        "t33"."month",
        "t33"."area",
        "t33"."child_id"
      FROM (
        SELECT
          "t32"."month",
          "t32"."district",
          "t32"."child_id",
          "t32"."area"
        FROM (
          SELECT
            "t31"."month",
            "t31"."district",
            "t31"."child_id",
            "t31"."spread_copy",
            CASE WHEN "t31"."spread_copy" = 0 THEN '' ELSE "t31"."district" END AS "area"
          FROM (
            SELECT
              "t7"."month",
              "t27"."district",
              "t27"."child_id",
              "t8"."spread_copy"
            FROM "memtable_1" AS "t7"
            INNER JOIN (
              SELECT
                "t9"."episode_id",
                "t9"."child_id",
                "t9"."team_id",
                "t9"."start_date",
                "t9"."end_date",
                "t16"."team_id" AS "team_id_right",
                "t16"."district",
                "t16"."team_kind",
                "t23"."left_date"
              FROM "cin_episodes" AS "t9"
              LEFT OUTER JOIN (
                SELECT
                  "t2"."team_id",
                  "t2"."district",
                  "t2"."kind" AS "team_kind"
                FROM "teams" AS "t2"
              ) AS "t16"
                ON "t9"."team_id" = "t16"."team_id"
              INNER JOIN "t21" AS "t23"
                ON "t9"."child_id" = "t23"."child_id"
            ) AS "t27"
              ON "t27"."start_date" <= "t7"."month_end"
              AND COALESCE("t27"."end_date", MAKE_DATE(CAST(9999 AS INT), CAST(12 AS INT), CAST(31 AS INT))) > "t7"."month_end"
              AND "t27"."left_date" <= "t7"."month_end"
            CROSS JOIN "memtable_3" AS "t8"
            WHERE
              NOT EXISTS(
                SELECT
                  1
                FROM (
                  SELECT
                    "t7"."month" AS "care_month",
                    "t28"."child_id" AS "care_child"
                  FROM "memtable_1" AS "t7"
                  INNER JOIN (
                    SELECT
                      "t10"."episode_id",
                      "t10"."child_id",
                      "t10"."team_id",
                      "t10"."start_date",
                      "t10"."end_date",
                      "t10"."reason_new",
                      "t10"."placement_type",
                      "t10"."provider",
                      "t10"."legal_status",
                      "t10"."reason_ceased"
                    FROM "care_episodes" AS "t10"
                    WHERE
                      EXISTS(
                        SELECT
                          1
                        FROM "t21" AS "t24"
                        WHERE
                          "t10"."child_id" = "t24"."child_id"
                      )
                  ) AS "t28"
                    ON "t28"."start_date" <= "t7"."month_end"
                    AND COALESCE("t28"."end_date", MAKE_DATE(CAST(9999 AS INT), CAST(12 AS INT), CAST(31 AS INT))) > "t7"."month_end"
                ) AS "t30"
                WHERE
                  "t7"."month" = "t30"."care_month" AND "t27"."child_id" = "t30"."care_child"
              )
          ) AS "t31"
          WHERE
            (
              "t31"."spread_copy" = 0
            ) OR (
              "t31"."district" IS NOT NULL
            )
        ) AS "t32"
      ) AS "t33"
    ) AS "t34"
    GROUP BY
      1,
      2
  ) AS "t36"
    ON "t14"."month" = "t36"."month" AND "t18"."area" = "t36"."area"
) AS "t37"
ORDER BY
  "t37"."month" ASC,
  "t37"."area" ASC
