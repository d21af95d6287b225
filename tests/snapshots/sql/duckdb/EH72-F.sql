SELECT
  *
FROM (
  SELECT
    "t11"."month",
    "t17"."area",
    (
      COALESCE(CAST("t26"."numerator" AS DOUBLE), 0.0) / NULLIF(COALESCE(CAST("t26"."denominator" AS DOUBLE), 0.0), 0)
    ) * 100.0 AS "value",
    COALESCE(CAST("t26"."numerator" AS DOUBLE), 0.0) AS "numerator",
    COALESCE(CAST("t26"."denominator" AS DOUBLE), 0.0) AS "denominator"
  FROM (
    SELECT
      "t0"."month"
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
  ) AS "t17"
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
        "t6"."month",
        "t17"."area",
        COALESCE("t23"."n", 0) AS "n",
        COALESCE("t23"."d", 0) AS "d"
      FROM "memtable_3" AS "t6"
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
      ) AS "t17"
      LEFT OUTER JOIN (
        SELECT
          "t21"."month",
          "t21"."area",
          SUM("t21"."numerator") AS "n",
          SUM("t21"."denominator") AS "d"
        FROM (
          SELECT
            "t20".*
            EXCLUDE ("spread_copy")
          FROM (
            SELECT
              "t19"."district",
              "t19"."month",
              "t19"."numerator",
              "t19"."denominator",
              "t19"."spread_copy",
              CASE WHEN "t19"."spread_copy" = 0 THEN '' ELSE "t19"."district" END AS "area"
            FROM (
              SELECT
                "t13"."district",
                MAKE_DATE(EXTRACT(year FROM "t7"."start_date"), EXTRACT(month FROM "t7"."start_date"), 1) AS "month",
                CAST(CASE
                  WHEN "t7"."episode_id" IN (
                    SELECT
                      "t7"."episode_id"
                    FROM "eh_episodes" AS "t7"
                    LEFT OUTER JOIN (
                      SELECT
                        "t2"."team_id",
                        "t2"."district",
                        "t2"."kind" AS "team_kind"
                      FROM "teams" AS "t2"
                    ) AS "t13"
                      ON "t7"."team_id" = "t13"."team_id"
                    INNER JOIN (
                      SELECT
                        "t4"."episode_id" AS "prev_id",
                        "t4"."family_id" AS "prev_family",
                        "t4"."end_date" AS "prev_end"
                      FROM "eh_episodes" AS "t4"
                      WHERE
                        "t4"."end_date" IS NOT NULL
                    ) AS "t16"
                      ON "t16"."prev_family" = "t7"."family_id"
                      AND "t16"."prev_id" <> "t7"."episode_id"
                      AND "t16"."prev_end" <= "t7"."start_date"
                      AND (
                        (
                          (
                            (
                              (
                                (
                                  CAST(EXTRACT(year FROM "t7"."start_date") AS BIGINT) * 12
                                ) + CAST(EXTRACT(month FROM "t7"."start_date") AS BIGINT)
                              ) - 1
                            ) - (
                              (
                                (
                                  CAST(EXTRACT(year FROM "t16"."prev_end") AS BIGINT) * 12
                                ) + CAST(EXTRACT(month FROM "t16"."prev_end") AS BIGINT)
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
                                    CAST(EXTRACT(year FROM "t7"."start_date") AS BIGINT) * 12
                                  ) + CAST(EXTRACT(month FROM "t7"."start_date") AS BIGINT)
                                ) - 1
                              ) - (
                                (
                                  (
                                    CAST(EXTRACT(year FROM "t16"."prev_end") AS BIGINT) * 12
                                  ) + CAST(EXTRACT(month FROM "t16"."prev_end") AS BIGINT)
                                ) - 1
                              )
                            ) = 12
                          )
                          AND (
                            EXTRACT(day FROM "t7"."start_date") <= EXTRACT(day FROM "t16"."prev_end")
                          )
                        )
                      )
                  )
                  THEN 1
                  ELSE 0
                END AS BIGINT) AS "numerator",
                1 AS "denominator",
                "t8"."spread_copy"
              FROM "eh_episodes" AS "t7"
              LEFT OUTER JOIN (
                SELECT
                  "t2"."team_id",
                  "t2"."district",
                  "t2"."kind" AS "team_kind"
                FROM "teams" AS "t2"
              ) AS "t13"
                ON "t7"."team_id" = "t13"."team_id"
              CROSS JOIN "memtable_4" AS "t8"
            ) AS "t19"
            WHERE
              (
                "t19"."spread_copy" = 0
              ) OR (
                "t19"."district" IS NOT NULL
              )
          ) AS "t20"
        ) AS "t21"
        GROUP BY
          1,
          2
      ) AS "t23"
        ON "t6"."month" = "t23"."month" AND "t17"."area" = "t23"."area"
    ) AS "t24"
  ) AS "t26"
    ON "t11"."month" = "t26"."month" AND "t17"."area" = "t26"."area"
) AS "t27"
ORDER BY
  "t27"."month" ASC,
  "t27"."area" ASC
