SELECT
  *
FROM (
  SELECT
    "t16"."month",
    "t22"."area",
    COALESCE(CAST("t44"."numerator" AS DOUBLE), 0.0) / NULLIF("t44"."denominator", 0) AS "value",
    COALESCE(CAST("t44"."numerator" AS DOUBLE), 0.0) AS "numerator",
    "t44"."denominator"
  FROM (
    SELECT
      "t0"."month"
    FROM "memtable_1" AS "t0"
  ) AS "t16"
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
    ) AS "t17"
  ) AS "t22"
  LEFT OUTER JOIN (
    SELECT
      "t42"."month",
      "t42"."area",
      "t42"."numerator",
      "t33"."month" AS "month_right",
      "t33"."area" AS "area_right",
      "t33"."denominator"
    FROM (
      SELECT
        "t40"."month",
        "t40"."area",
        "t40"."numerator"
      FROM (
        SELECT
          "t39"."month",
          "t39"."area",
          SUM("t39"."n") OVER (
            PARTITION BY "t39"."area"
            ORDER BY "t39"."month" ASC
            ROWS BETWEEN 11 preceding AND CURRENT ROW
          ) AS "numerator",
          SUM("t39"."d") OVER (
            PARTITION BY "t39"."area"
            ORDER BY "t39"."month" ASC
            ROWS BETWEEN 11 preceding AND CURRENT ROW
          ) AS "denominator"
        FROM (
          SELECT
            "t9"."month",
            "t22"."area",
            COALESCE("t38"."n", 0) AS "n",
            COALESCE("t38"."d", 0) AS "d"
          FROM "memtable_3" AS "t9"
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
            ) AS "t17"
          ) AS "t22"
          LEFT OUTER JOIN (
            SELECT
              "t36"."month",
              "t36"."area",
              SUM("t36"."numerator") AS "n",
              SUM("t36"."denominator") AS "d"
            FROM (
              SELECT
                "t35".*
                EXCLUDE ("spread_copy")
              FROM (
                SELECT
                  "t34"."district",
                  "t34"."month",
                  "t34"."numerator",
                  "t34"."denominator",
                  "t34"."spread_copy",
                  CASE WHEN "t34"."spread_copy" = 0 THEN '' ELSE "t34"."district" END AS "area"
                FROM (
                  SELECT
                    "t31"."district",
                    "t31"."month",
                    "t31"."numerator",
                    "t31"."denominator",
                    "t10"."spread_copy"
                  FROM (
                    SELECT
                      "t26"."district",
                      MAKE_DATE(EXTRACT(year FROM "t26"."start_date"), EXTRACT(month FROM "t26"."start_date"), 1) AS "month",
                      1 AS "numerator",
                      0 AS "denominator"
                    FROM (
                      SELECT
                        "t11"."episode_id",
                        "t11"."family_id",
                        "t11"."team_id",
                        "t11"."start_date",
                        "t11"."end_date",
                        "t11"."outcome",
                        "t18"."team_id" AS "team_id_right",
                        "t18"."district",
                        "t18"."team_kind",
                        "t20"."child_id",
                        "t20"."date_of_birth",
                        "t20"."child_family"
                      FROM "eh_episodes" AS "t11"
                      LEFT OUTER JOIN (
                        SELECT
                          "t2"."team_id",
                          "t2"."district",
                          "t2"."kind" AS "team_kind"
                        FROM "teams" AS "t2"
                      ) AS "t18"
                        ON "t11"."team_id" = "t18"."team_id"
                      INNER JOIN (
                        SELECT
                          "t7"."child_id",
                          "t7"."date_of_birth",
                          "t7"."family_id" AS "child_family"
                        FROM "children" AS "t7"
                      ) AS "t20"
                        ON "t11"."family_id" = "t20"."child_family"
                    ) AS "t26"
                    WHERE
                      "t26"."date_of_birth" <= "t26"."start_date"
                      AND (
                        (
                          CAST(EXTRACT(year FROM "t26"."start_date") AS BIGINT) - CAST(EXTRACT(year FROM "t26"."date_of_birth") AS BIGINT)
                        ) - CAST(CASE
                          WHEN (
                            (
                              EXTRACT(month FROM "t26"."start_date") * 100
                            ) + EXTRACT(day FROM "t26"."start_date")
                          ) < (
                            (
                              EXTRACT(month FROM "t26"."date_of_birth") * 100
                            ) + EXTRACT(day FROM "t26"."date_of_birth")
                          )
                          THEN 1
                          ELSE 0
                        END AS BIGINT)
                      ) < 18
                  ) AS "t31"
                  CROSS JOIN "memtable_4" AS "t10"
                ) AS "t34"
                WHERE
                  (
                    "t34"."spread_copy" = 0
                  ) OR (
                    "t34"."district" IS NOT NULL
                  )
              ) AS "t35"
            ) AS "t36"
            GROUP BY
              1,
              2
          ) AS "t38"
            ON "t9"."month" = "t38"."month" AND "t22"."area" = "t38"."area"
        ) AS "t39"
      ) AS "t40"
    ) AS "t42"
    LEFT OUTER JOIN (
      SELECT
        "t29"."month",
        "t29"."area",
        CAST("t25"."population" AS DOUBLE) / 10000 AS "denominator"
      FROM (
        SELECT
          "t27"."month",
          "t27"."area",
          MAX("t27"."year") AS "year"
        FROM (
          SELECT
            "t8"."month",
            "t8"."month_end",
            "t8"."month_index",
            "t25"."year",
            "t25"."population",
            "t25"."area"
          FROM "memtable_1" AS "t8"
          INNER JOIN (
            SELECT
              *
            FROM (
              SELECT
                "t4"."year",
                "t4"."population",
                "t4"."district" AS "area"
              FROM "population" AS "t4"
            ) AS "t14"
            UNION ALL
            SELECT
              *
            FROM (
              SELECT
                *
              FROM (
                SELECT
                  "t4"."year",
                  SUM("t4"."population") AS "population",
                  '' AS "area"
                FROM "population" AS "t4"
                GROUP BY
                  1
              ) AS "t19"
            ) AS "t23"
          ) AS "t25"
            ON "t25"."year" <= (
              EXTRACT(year FROM "t8"."month") - 1
            )
        ) AS "t27"
        GROUP BY
          1,
          2
      ) AS "t29"
      INNER JOIN (
        SELECT
          *
        FROM (
          SELECT
            "t4"."year",
            "t4"."population",
            "t4"."district" AS "area"
          FROM "population" AS "t4"
        ) AS "t14"
        UNION ALL
        SELECT
          *
        FROM (
          SELECT
            *
          FROM (
            SELECT
              "t4"."year",
              SUM("t4"."population") AS "population",
              '' AS "area"
            FROM "population" AS "t4"
            GROUP BY
              1
          ) AS "t19"
        ) AS "t23"
      ) AS "t25"
        ON "t29"."area" = "t25"."area" AND "t29"."year" = "t25"."year"
    ) AS "t33"
      ON "t42"."month" = "t33"."month" AND "t42"."area" = "t33"."area"
  ) AS "t44"
    ON "t16"."month" = "t44"."month" AND "t22"."area" = "t44"."area"
) AS "t45"
ORDER BY
  "t45"."month" ASC,
  "t45"."area" ASC
