WITH [t20] AS (
  SELECT
    [t14].[district],
    DATEFROMPARTS(DATEPART(year, [t8].[referral_date]), DATEPART(month, [t8].[referral_date]), 1) AS [month],
    1 AS [numerator],
    0 AS [denominator]
  FROM [referrals] AS [t8]
  LEFT OUTER JOIN (
    SELECT
      [t2].[team_id],
      [t2].[district],
      [t2].[kind] AS [team_kind]
    FROM [teams] AS [t2]
  ) AS [t14]
    ON [t8].[team_id] = [t14].[team_id]
)
SELECT
  [t39].[month],
  [t39].[area],
  [t39].[value],
  [t39].[numerator],
  [t39].[denominator]
FROM (
  SELECT
    [t12].[month],
    [t17].[area],
    CAST(COALESCE(CAST([t38].[numerator] AS FLOAT), 0.0) AS FLOAT) / NULLIF([t38].[denominator], 0) AS [value],
    COALESCE(CAST([t38].[numerator] AS FLOAT), 0.0) AS [numerator],
    [t38].[denominator]
  FROM (
    SELECT
      [t0].[month]
    FROM [memtable_1] AS [t0]
  ) AS [t12]
  CROSS JOIN (
    SELECT
      *
    FROM [memtable_2] AS [t1]
    UNION ALL
    SELECT
      *
    FROM (
      SELECT DISTINCT
        [t2].[district] AS [area]
      FROM [teams] AS [t2]
      WHERE
        [t2].[district] IS NOT NULL
    ) AS [t13]
  ) AS [t17]
  LEFT OUTER JOIN (
    SELECT
      [t36].[month],
      [t36].[area],
      [t36].[numerator],
      [t33].[month] AS [month_right],
      [t33].[area] AS [area_right],
      [t33].[denominator]
    FROM (
      SELECT
        [t34].[month],
        [t34].[area],
        [t34].[numerator]
      FROM (
        SELECT
          [t32].[month],
          [t32].[area],
          SUM([t32].[n]) OVER (
            PARTITION BY [t32].[area]
            ORDER BY CASE WHEN [t32].[month] IS NULL THEN 1 ELSE 0 END, [t32].[month] ASC
            ROWS BETWEEN 11 preceding AND CURRENT ROW
          ) AS [numerator],
          SUM([t32].[d]) OVER (
            PARTITION BY [t32].[area]
            ORDER BY CASE WHEN [t32].[month] IS NULL THEN 1 ELSE 0 END, [t32].[month] ASC
            ROWS BETWEEN 11 preceding AND CURRENT ROW
          ) AS [denominator]
        FROM (
          SELECT
            [t7].[month],
            [t17].[area],
            COALESCE([t30].[n], 0) AS [n],
            COALESCE([t30].[d], 0) AS [d]
          FROM [memtable_3] AS [t7]
          CROSS JOIN (
            SELECT
              *
            FROM [memtable_2] AS [t1]
            UNION ALL
            SELECT
              *
            FROM (
              SELECT DISTINCT
                [t2].[district] AS [area]
              FROM [teams] AS [t2]
              WHERE
                [t2].[district] IS NOT NULL
            ) AS [t13]
          ) AS [t17]
          LEFT OUTER JOIN (
            SELECT
              [t26].[month],
              [t26].[area],
              SUM([t26].[numerator]) AS [n],
              SUM([t26].[denominator]) AS [d]
            FROM (
              SELECT
                *
              FROM (
                SELECT
                  [t22].[district],
                  [t22].[month],
                  [t22].[numerator],
                  [t22].[denominator],
                  '' AS [area]
                FROM [t20] AS [t22]
              ) AS [t23]
              UNION ALL
              SELECT
                *
              FROM (
                SELECT
                  [t22].[district],
                  [t22].[month],
                  [t22].[numerator],
                  [t22].[denominator],
                  [t22].[district] AS [area]
                FROM [t20] AS [t22]
                WHERE
                  [t22].[district] IS NOT NULL
              ) AS [t24]
            ) AS [t26]
            GROUP BY
              [t26].[month],
              [t26].[area]
          ) AS [t30]
            ON [t7].[month] = [t30].[month] AND [t17].[area] = [t30].[area]
        ) AS [t32]
      ) AS [t34]
    ) AS [t36]
    LEFT OUTER JOIN (
      SELECT
        [t29].[month],
        [t29].[area],
        CAST([t21].[population] AS FLOAT) / 10000 AS [denominator]
      FROM (
        SELECT
          [t25].[month],
          [t25].[area],
          MAX([t25].[year]) AS [year]
        FROM (
          SELECT
            [t6].[month],
            [t6].[month_end],
            [t6].[month_index],
            [t21].[year],
            [t21].[population],
            [t21].[area]
          FROM [memtable_1] AS [t6]
          INNER JOIN (
            SELECT
              *
            FROM (
              SELECT
                [t4].[year],
                [t4].[population],
                [t4].[district] AS [area]
              FROM [population] AS [t4]
            ) AS [t11]
            UNION ALL
            SELECT
              *
            FROM (
              SELECT
                [t15].[year],
                [t15].[population],
                [t15].[area]
              FROM (
                SELECT
                  [t4].[year],
                  SUM([t4].[population]) AS [population],
                  '' AS [area]
                FROM [population] AS [t4]
                GROUP BY
                  [t4].[year]
              ) AS [t15]
            ) AS [t18]
          ) AS [t21]
            ON [t21].[year] <= (
              DATEPART(year, [t6].[month]) - 1
            )
        ) AS [t25]
        GROUP BY
          [t25].[month],
          [t25].[area]
      ) AS [t29]
      INNER JOIN (
        SELECT
          *
        FROM (
          SELECT
            [t4].[year],
            [t4].[population],
            [t4].[district] AS [area]
          FROM [population] AS [t4]
        ) AS [t11]
        UNION ALL
        SELECT
          *
        FROM (
          SELECT
            [t15].[year],
            [t15].[population],
            [t15].[area]
          FROM (
            SELECT
              [t4].[year],
              SUM([t4].[population]) AS [population],
              '' AS [area]
            FROM [population] AS [t4]
            GROUP BY
              [t4].[year]
          ) AS [t15]
        ) AS [t18]
      ) AS [t21]
        ON [t29].[area] = [t21].[area] AND [t29].[year] = [t21].[year]
    ) AS [t33]
      ON [t36].[month] = [t33].[month] AND [t36].[area] = [t33].[area]
  ) AS [t38]
    ON [t12].[month] = [t38].[month] AND [t17].[area] = [t38].[area]
) AS [t39]
ORDER BY
  CASE WHEN [t39].[month] IS NULL THEN 1 ELSE 0 END, [t39].[month] ASC,
  CASE WHEN [t39].[area] IS NULL THEN 1 ELSE 0 END, [t39].[area] ASC
