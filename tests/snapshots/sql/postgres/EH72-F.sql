WITH "t17" AS (
  SELECT
    "t11"."district",
    MAKE_DATE(
      CAST(EXTRACT(year FROM "t6"."start_date") AS INT),
      CAST(EXTRACT(month FROM "t6"."start_date") AS INT),
      CAST(1 AS INT)
    ) AS "month",
    CAST(CASE
      WHEN "t6"."episode_id" IN (
        SELECT
          "t6"."episode_id"
        FROM "eh_episodes" AS "t6"
        LEFT OUTER JOIN (
          SELECT
            "t2"."team_id",
            "t2"."district",
            "t2"."kind" AS "team_kind"
          FROM "teams" AS "t2"
        ) AS "t11"
          ON "t6"."team_id" = "t11"."team_id"
        INNER JOIN (
          SELECT
            "t4"."episode_id" AS "prev_id",
            "t4"."family_id" AS "prev_family",
            "t4"."end_date" AS "prev_end"
          FROM "eh_episodes" AS "t4"
          WHERE
            "t4"."end_date" IS NOT NULL
        ) AS "t14"
          ON "t14"."prev_family" = "t6"."family_id"
          AND "t14"."prev_id" <> "t6"."episode_id"
          AND "t14"."prev_end" <= "t6"."start_date"
          AND (
            (
              (
                (
                  (
                    (
                      CAST(EXTRACT(year FROM "t6"."start_date") AS BIGINT) * 12
                    ) + CAST(EXTRACT(month FROM "t6"."start_date") AS BIGINT)
                  ) - 1
                ) - (
                  (
                    (
                      CAST(EXTRACT(year FROM "t14"."prev_end") AS BIGINT) * 12
                    ) + CAST(EXTRACT(month FROM "t14"."prev_end") AS BIGINT)
                  ) - 1
                )
              ) < 12
            )
            OR (
              (
                (
                  (
                    (
                      (
                        CAST(EXTRACT(year FROM "t6"."start_date") AS BIGINT) * 12
                      ) + CAST(EXTRACT(month FROM "t6"."start_date") AS BIGINT)
                    ) - 1
                  ) - (
                    (
                      (
                        CAST(EXTRACT(year FROM "t14"."prev_end") AS BIGINT) * 12
                      ) + CAST(EXTRACT(month FROM "t14"."prev_end") AS BIGINT)
                    ) - 1
                  )
                ) = 12
              )
              AND (
                EXTRACT(day FROM "t6"."start_date") <= EXTRACT(day FROM "t14"."prev_end")
              )
            )
          )
      )
      THEN 1
      ELSE 0
    END AS BIGINT) AS "numerator",
    1 AS "denominator"
  FROM "eh_episodes" AS "t6"
  LEFT OUTER JOIN (
    SELECT
      "t2"."team_id",
      "t2"."district",
      "t2"."kind" AS "team_kind"
    FROM "teams" AS "t2"
  ) AS "t11"
    ON "t6"."team_id" = "t11"."team_id"
)
SELECT
  *
FROM (
  SELECT
    "t9"."month",
    "t15"."area",
    (
      CAST(COALESCE(CAST("t26"."numerator" AS DOUBLE PRECISION), 0.0) AS DOUBLE PRECISION) / NULLIF(COALESCE(CAST("t26"."denominator" AS DOUBLE PRECISION), 0.0), 0)
    ) * 100.0 AS "value",
    COALESCE(CAST("t26"."numerator" AS DOUBLE PRECISION), 0.0) AS "numerator",
    COALESCE(CAST("t26"."denominator" AS DOUBLE PRECISION), 0.0) AS "denominator"
  FROM (
    SELECT
      "t0"."month"
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
  ) AS "t15"
  LEFT OUTER JOIN (
    SELECT
      "t24"."month",
      "t24"."area",
      SUM("t24"."n") OVER (
        PARTITION BY "t24"."area"
        ORDER BY "t24"."month" ASC
        ROWS BETWEEN 11 preceding AND CURRENT ROW
      ) AS "numerator",
      SUM("t24"."d") OVER (
        PARTITION BY "t24"."area"
        ORDER BY "t24"."month" ASC
        ROWS BETWEEN 11 preceding AND CURRENT ROW
      ) AS "denominator"
    FROM (
      SELECT
        "t5"."month",
        "t15"."area",
        COALESCE("t23"."n", 0) AS "n",
        COALESCE("t23"."d", 0) AS "d"
      FROM "memtable_3" AS "t5"
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
      ) AS "t15"
      LEFT OUTER JOIN (
        SELECT
          "t21"."month",
          "t21"."area",
          SUM("t21"."numerator") AS "n",
          SUM("t21"."denominator") AS "d"
        FROM (
          SELECT
            *
          FROM (
            SELECT
              "t18"."district",
              "t18"."month",
              "t18"."numerator",
              "t18"."denominator",
              '' AS "area"
            FROM "t17" AS "t18"
          ) AS "t19"
          UNION ALL
          SELECT
            *
          FROM (
            SELECT
              "t18"."district",
              "t18"."month",
              "t18"."numerator",
              "t18"."denominator",
              "t18"."district" AS "area"
            FROM "t17" AS "t18"
            WHERE
              "t18"."district" IS NOT NULL
          ) AS "t20"
        ) AS "t21"
        GROUP BY
          1,
          2
      ) AS "t23"
        ON "t5"."month" = "t23"."month" AND "t15"."area" = "t23"."area"
    ) AS "t24"
  ) AS "t26"
    ON "t9"."month" = "t26"."month" AND "t15"."area" = "t26"."area"
) AS "t27"
ORDER BY
  "t27"."month" ASC,
  "t27"."area" ASC
